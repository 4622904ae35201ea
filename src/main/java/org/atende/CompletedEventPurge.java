package org.atende;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The event publication registry marks a publication completed once its listener returned and keeps the row;
 * asynchronous listeners (routing) leave one such row per ticket. Completed rows older than
 * {@code atende.events.keep-completed} are deleted every hour: only incomplete ones matter for retries.
 */
@Component
class CompletedEventPurge {

    private final CompletedEventPublications completed;
    private final Duration keep;

    CompletedEventPurge(CompletedEventPublications completed, @Value("${atende.events.keep-completed:P7D}") Duration keep) {
        this.completed = completed;
        this.keep = keep;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        completed.deletePublicationsOlderThan(keep);
    }
}
