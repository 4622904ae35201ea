package org.atende.channels.portal;

import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.atende.identity.Actor;
import org.atende.knowledge.KnowledgeBase;
import org.atende.knowledge.Suggestion;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Guided solutions: while a customer writes a new request, published help articles in the page's language
 * that match the subject and description; "this solved it" is counted as a deflection and ends the flow
 * without a ticket.
 */
@Controller
class GuidedSolutions {

    static final int LIMIT = 3;

    private final KnowledgeBase knowledge;

    GuidedSolutions(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** The htmx fragment under the form: the matching articles, or nothing. */
    @GetMapping("/portal/suggestions")
    String suggestions(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String description, Model model, Locale locale) {
        PortalAccess.organisationOf(actor);
        String text = (subject + "\n" + description).strip();
        if (text.length() > 4000) {
            text = text.substring(0, 4000);
        }
        List<Suggestion> found = text.length() < 3 ? List.of()
                : knowledge.suggest(text, PortalDates.language(locale), LIMIT);
        model.addAttribute("suggestions", found);
        return "portal/suggestions :: list";
    }

    @PostMapping("/portal/suggestions/{article:\\d+}/solved")
    String solved(@AuthenticationPrincipal Actor actor, @PathVariable long article, Model model) {
        PortalAccess.organisationOf(actor);
        var view = knowledge.article(article).filter(a -> a.isPublished())
                .orElseThrow(() -> new NoSuchElementException("No published article " + article + "."));
        knowledge.recordDeflection(view.id());
        model.addAttribute("article", view);
        return "portal/solved";
    }
}
