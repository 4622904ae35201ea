package org.atende.knowledge.web;

import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.knowledge.ArticleView;
import org.atende.knowledge.KnowledgeBase;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Writing articles: the form (new, a translation of another, or an edit) with a live preview, saving as a
 * draft or publishing, unpublishing, and deleting after a confirmation page. Leads and admins only.
 */
@Controller
@RequestMapping("/desk/knowledge")
class ArticleEditor {

    private final KnowledgeBase knowledge;
    private final Editors editors;
    private final MessageSource messages;

    ArticleEditor(KnowledgeBase knowledge, Editors editors, MessageSource messages) {
        this.knowledge = knowledge;
        this.editors = editors;
        this.messages = messages;
    }

    @GetMapping("/new")
    String create(@RequestParam(required = false) @Nullable Long translationOf,
            @RequestParam(required = false) @Nullable Language language,
            @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        editors.mayChange(actor, locale);
        Long category = null;
        if (translationOf != null) {
            ArticleView original = knowledge.article(translationOf).orElseThrow(NoSuchElementException::new);
            category = original.category() == null ? null : original.category().id();
        }
        return form(ArticleForm.blank(language, translationOf, category), null, Map.of(), model, locale);
    }

    @PostMapping
    String save(@ModelAttribute ArticleForm form, @RequestParam(defaultValue = "draft") String action,
            @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        editors.mayChange(actor, locale);
        ArticleView saved;
        try {
            saved = knowledge.create(form.draft());
        } catch (ErrorResponseException refused) {
            return form(form, null, FieldErrors.of(refused, FieldErrors.ARTICLE, messages, locale), model, locale);
        }
        if (action.equals("publish")) {
            knowledge.publish(saved.id());
        }
        return "redirect:/desk/knowledge/" + saved.id() + "?saved";
    }

    @GetMapping("/{id:\\d+}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        editors.mayChange(actor, locale);
        ArticleView article = knowledge.article(id).orElseThrow(NoSuchElementException::new);
        return form(ArticleForm.of(article, knowledge.writtenSummary(id).orElse(null)), article, Map.of(), model, locale);
    }

    /** Saves the changes; {@code publish} also publishes, otherwise the article keeps its status. */
    @PostMapping("/{id:\\d+}")
    String update(@PathVariable long id, @ModelAttribute ArticleForm form, @RequestParam(defaultValue = "save") String action,
            @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        editors.mayChange(actor, locale);
        ArticleView article = knowledge.article(id).orElseThrow(NoSuchElementException::new);
        try {
            knowledge.update(id, form.draft());
        } catch (ErrorResponseException refused) {
            return form(form, article, FieldErrors.of(refused, FieldErrors.ARTICLE, messages, locale), model, locale);
        }
        if (action.equals("publish")) {
            knowledge.publish(id);
        }
        return "redirect:/desk/knowledge/" + id + "?saved";
    }

    @PostMapping("/{id:\\d+}/publish")
    String publish(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale) {
        editors.mayChange(actor, locale);
        knowledge.publish(id);
        return "redirect:/desk/knowledge/" + id + "?published";
    }

    @PostMapping("/{id:\\d+}/unpublish")
    String unpublish(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale) {
        editors.mayChange(actor, locale);
        knowledge.unpublish(id);
        return "redirect:/desk/knowledge/" + id + "?unpublished";
    }

    /** The confirmation step before a delete: a page of its own, no script. */
    @GetMapping("/{id:\\d+}/delete")
    String confirmDelete(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        editors.mayChange(actor, locale);
        model.addAttribute("article", knowledge.article(id).orElseThrow(NoSuchElementException::new));
        return "knowledge/delete";
    }

    @PostMapping("/{id:\\d+}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale) {
        editors.mayChange(actor, locale);
        knowledge.delete(id);
        return "redirect:/desk/knowledge?deleted";
    }

    /** The rendered Markdown for the editor's preview pane (htmx), through the knowledge base's sanitising renderer. */
    @PostMapping("/preview")
    String preview(@RequestParam(defaultValue = "") String markdown, @AuthenticationPrincipal Actor actor, Model model,
            Locale locale) {
        editors.mayChange(actor, locale);
        model.addAttribute("preview", knowledge.preview(markdown));
        return "knowledge/editor :: preview";
    }

    private String form(ArticleForm form, @Nullable ArticleView article, Map<String, String> errors, Model model,
            Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("article", article);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", knowledge.categories());
        model.addAttribute("speaking", KnowledgePages.speaking(locale));
        model.addAttribute("originals", article == null ? knowledge.list(null, null, null) : java.util.List.of());
        model.addAttribute("preview", form.markdown() == null ? "" : knowledge.preview(form.markdown()));
        return "knowledge/editor";
    }
}
