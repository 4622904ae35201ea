package org.atende.channels.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

import org.atende.customers.Language;
import org.atende.knowledge.ArticleStatus;
import org.atende.knowledge.ArticleView;
import org.atende.knowledge.Category;
import org.atende.knowledge.KnowledgeBase;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public help centre (no sign-in): search, articles by category in the page's language, and one article. */
@Controller
class HelpCentre {

    private final KnowledgeBase knowledge;

    HelpCentre(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** One category's published articles, for the index. */
    record Shelf(@Nullable Category category, String name, List<ArticleView> articles) {
    }

    @GetMapping("/help")
    String index(@RequestParam(defaultValue = "") String q, Model model, Locale locale) {
        Language language = PortalDates.language(locale);
        String query = q.length() > 200 ? q.substring(0, 200) : q.strip();
        model.addAttribute("q", query);
        model.addAttribute("lang", language.name().toLowerCase(Locale.ROOT));
        if (!query.isEmpty()) {
            model.addAttribute("results", knowledge.search(query, language, 20));
        }
        Map<Long, Shelf> shelves = new LinkedHashMap<>();
        for (Category c : knowledge.categories()) {
            shelves.put(c.id(), new Shelf(c, c.name(language), new java.util.ArrayList<>()));
        }
        Shelf other = new Shelf(null, "", new java.util.ArrayList<>());
        for (ArticleView a : knowledge.list(language, ArticleStatus.PUBLISHED, null)) {
            Shelf shelf = a.category() == null ? other : shelves.getOrDefault(a.category().id(), other);
            shelf.articles().add(a);
        }
        List<Shelf> list = new java.util.ArrayList<>(shelves.values().stream().filter(s -> !s.articles().isEmpty()).toList());
        if (!other.articles().isEmpty()) {
            list.add(other);
        }
        model.addAttribute("shelves", list);
        return "portal/help";
    }

    @GetMapping("/help/{lang:[a-z]{2}}/{slug}")
    String article(@PathVariable String lang, @PathVariable String slug, Model model) {
        Language language = switch (lang) {
            case "es" -> Language.ES;
            case "pt" -> Language.PT;
            case "en" -> Language.EN;
            default -> throw new NoSuchElementException("No help in " + lang + ".");
        };
        ArticleView article = knowledge.published(slug, language)
                .orElseThrow(() -> new NoSuchElementException("No article " + slug + "."));
        knowledge.recordView(article.id());
        model.addAttribute("article", article);
        model.addAttribute("lang", lang);
        model.addAttribute("translations", article.translations().stream()
                .filter(t -> t.status() == ArticleStatus.PUBLISHED && !Objects.equals(t.language(), language)).toList());
        return "portal/help-article";
    }
}
