package org.atende.knowledge.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import org.atende.identity.Actor;
import org.atende.knowledge.Category;
import org.atende.knowledge.CategoryDraft;
import org.atende.knowledge.KnowledgeBase;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The categories articles are filed under: listed with how many articles each holds, created, renamed in
 * the three languages, and deleted only when empty (so that no article loses its category unnoticed).
 */
@Controller
@RequestMapping("/desk/knowledge/categories")
class CategoryPages {

    private final KnowledgeBase knowledge;
    private final Editors editors;
    private final MessageSource messages;

    CategoryPages(KnowledgeBase knowledge, Editors editors, MessageSource messages) {
        this.knowledge = knowledge;
        this.editors = editors;
        this.messages = messages;
    }

    /** A category and the number of articles (any language, any status) filed under it. */
    public record Entry(Category category, int articles) {

        public Map<String, String> names() {
            return Map.of("nameEs", category.nameEs(), "namePt", category.namePt(), "nameEn", category.nameEn());
        }
    }

    /** What was typed into one of the forms, to show it back with the problems. */
    public record Typed(@Nullable Long id, String slug, String nameEs, String namePt, String nameEn) {

        public Map<String, String> names() {
            return Map.of("nameEs", nameEs, "namePt", namePt, "nameEn", nameEn);
        }
    }

    @GetMapping
    String list(@AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        editors.mayRead(actor, locale);
        return page(actor, null, Map.of(), model);
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String nameEs,
            @RequestParam(defaultValue = "") String namePt, @RequestParam(defaultValue = "") String nameEn,
            @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        editors.mayChange(actor, locale);
        try {
            knowledge.createCategory(new CategoryDraft(slug.strip(), nameEs, namePt, nameEn, null));
        } catch (ErrorResponseException refused) {
            return page(actor, new Typed(null, slug, nameEs, namePt, nameEn),
                    FieldErrors.of(refused, FieldErrors.CATEGORY, messages, locale), model);
        }
        return "redirect:/desk/knowledge/categories?saved";
    }

    /** New names in the three languages; the category keeps its address and place. */
    @PostMapping("/{id:\\d+}")
    String rename(@PathVariable long id, @RequestParam(defaultValue = "") String nameEs,
            @RequestParam(defaultValue = "") String namePt, @RequestParam(defaultValue = "") String nameEn,
            @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        editors.mayChange(actor, locale);
        Category category = knowledge.category(id).orElseThrow(NoSuchElementException::new);
        try {
            knowledge.updateCategory(id, new CategoryDraft(category.slug(), nameEs, namePt, nameEn, category.position()));
        } catch (ErrorResponseException refused) {
            return page(actor, new Typed(id, category.slug(), nameEs, namePt, nameEn),
                    FieldErrors.of(refused, FieldErrors.CATEGORY, messages, locale), model);
        }
        return "redirect:/desk/knowledge/categories?saved";
    }

    @PostMapping("/{id:\\d+}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        editors.mayChange(actor, locale);
        Category category = knowledge.category(id).orElseThrow(NoSuchElementException::new);
        if (!knowledge.list(null, null, id).isEmpty()) {
            return page(actor, new Typed(id, category.slug(), category.nameEs(), category.namePt(), category.nameEn()),
                    Map.of("delete", messages.getMessage("knowledge.category.notEmpty", null, locale)), model);
        }
        knowledge.deleteCategory(id);
        return "redirect:/desk/knowledge/categories?deleted";
    }

    private String page(Actor actor, @Nullable Typed typed, Map<String, String> errors, Model model) {
        List<Entry> entries = knowledge.categories().stream()
                .map(c -> new Entry(c, knowledge.list(null, null, c.id()).size())).toList();
        model.addAttribute("entries", entries);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("canChange", Editors.canChange(actor));
        return "knowledge/categories";
    }
}
