package org.atende.knowledge;

import java.time.LocalDate;
import java.util.List;

/** An article's counts in a period, in total and by day (days without any count left out). */
public record ArticleStats(long articleId, LocalDate from, LocalDate to, ArticleView.Counts total, List<Day> days) {

    public record Day(LocalDate day, long views, long suggestions, long deflections) {
    }
}
