package org.atende.knowledge.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.knowledge.ArticleStats;
import org.atende.knowledge.ArticleStatus;
import org.atende.knowledge.ArticleView;
import org.atende.knowledge.Category;
import org.atende.knowledge.KnowledgeBase;
import org.atende.knowledge.Suggestion;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The knowledge base as staff read it: every article by translation group with its counts, and one article. */
@Controller
@RequestMapping("/desk/knowledge")
class KnowledgePages {

    /** The counts on these pages cover the last 30 days, today included. */
    static final int DAYS = 30;

    private final KnowledgeBase knowledge;
    private final Editors editors;
    private final SupportTime time;

    KnowledgePages(KnowledgeBase knowledge, Editors editors, SupportTime time) {
        this.knowledge = knowledge;
        this.editors = editors;
        this.time = time;
    }

    /** One article of a group, as a line of the list. */
    public record Line(ArticleView article, @Nullable String category, String updated, ArticleView.Counts recent) {
    }

    /** The versions of one article, Spanish, Portuguese then English. */
    public record Group(String translationGroup, List<Line> lines) {
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String language,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String q,
            @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        editors.mayRead(actor, locale);
        Language chosenLanguage = parse(Language.class, language);
        ArticleStatus chosenStatus = parse(ArticleStatus.class, status);
        Long chosenCategory = category == null || category.isBlank() ? null : Long.valueOf(category.strip());
        List<ArticleView> articles = knowledge.list(chosenLanguage, chosenStatus, chosenCategory);
        String query = q == null ? "" : q.strip();
        if (!query.isEmpty()) {
            Set<Long> found = found(query, chosenLanguage);
            articles = articles.stream().filter(a -> found.contains(a.id())).toList();
        }
        LocalDate today = knowledge.today();
        Language speaking = speaking(locale);
        Map<String, List<Line>> groups = new LinkedHashMap<>();
        for (ArticleView article : articles) {
            ArticleStats recent = knowledge.stats(article.id(), today.minusDays(DAYS - 1), today);
            groups.computeIfAbsent(article.translationGroup(), g -> new ArrayList<>())
                    .add(new Line(article, article.category() == null ? null : article.category().name(speaking),
                            time.format(article.updatedAt(), locale), recent.total()));
        }
        List<Group> shown = groups.entrySet().stream()
                .map(e -> new Group(e.getKey(), e.getValue().stream()
                        .sorted(Comparator.comparing((Line l) -> l.article().language())).toList()))
                .toList();
        model.addAttribute("groups", shown);
        model.addAttribute("articleCount", articles.size());
        model.addAttribute("categories", knowledge.categories());
        model.addAttribute("speaking", speaking);
        model.addAttribute("language", chosenLanguage);
        model.addAttribute("status", chosenStatus);
        model.addAttribute("category", chosenCategory);
        model.addAttribute("q", query);
        model.addAttribute("zone", time.zone());
        model.addAttribute("days", DAYS);
        model.addAttribute("canChange", Editors.canChange(actor));
        return "knowledge/list";
    }

    @GetMapping("/{id:\\d+}")
    String show(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        editors.mayRead(actor, locale);
        ArticleView article = knowledge.article(id).orElseThrow(NoSuchElementException::new);
        LocalDate today = knowledge.today();
        ArticleStats stats = knowledge.stats(id, today.minusDays(DAYS - 1), today);
        Set<Language> missing = new java.util.TreeSet<>(List.of(Language.values()));
        missing.remove(article.language());
        article.translations().forEach(t -> missing.remove(t.language()));
        Language speaking = speaking(locale);
        Category category = article.category();
        model.addAttribute("article", article);
        model.addAttribute("categoryName", category == null ? null : category.name(speaking));
        model.addAttribute("updated", time.format(article.updatedAt(), locale));
        model.addAttribute("published", article.publishedAt() == null ? null : time.format(article.publishedAt(), locale));
        model.addAttribute("zone", time.zone());
        model.addAttribute("stats", stats);
        model.addAttribute("days", stats.days().reversed().stream()
                .map(d -> Map.entry(time.day(d.day(), locale), d)).toList());
        model.addAttribute("period", time.day(stats.from(), locale) + " – " + time.day(stats.to(), locale));
        model.addAttribute("missing", missing);
        model.addAttribute("canChange", Editors.canChange(actor));
        return "knowledge/article";
    }

    /** Search finds published articles (the facade's search); in the chosen language, else in every one. */
    private Set<Long> found(String query, @Nullable Language language) {
        Set<Long> ids = new HashSet<>();
        for (Language each : language == null ? Language.values() : new Language[] {language}) {
            knowledge.search(query, each, 50).stream().map(Suggestion::id).forEach(ids::add);
        }
        return ids;
    }

    /** The language of the page, for category names. */
    static Language speaking(Locale locale) {
        return switch (locale.getLanguage()) {
            case "es" -> Language.ES;
            case "pt" -> Language.PT;
            default -> Language.EN;
        };
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
        return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    }
}
