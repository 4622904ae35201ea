package org.atende.identity.internal;

import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.identity.Agents;
import org.atende.identity.Identity;
import org.atende.identity.IdentityDataException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A signed-in person's own settings: the language of the pages, the languages staff answer in, and the password. */
@Controller
class AccountPage {

    private final Identity identity;
    private final Agents agents;
    private final MessageSource messages;

    AccountPage(Identity identity, Agents agents, MessageSource messages) {
        this.identity = identity;
        this.agents = agents;
        this.messages = messages;
    }

    @GetMapping("/account")
    String show(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("user", identity.user(actor.userId()).orElseThrow(NoSuchElementException::new));
        model.addAttribute("agent", agents.profile(actor.userId()).orElse(null));
        model.addAttribute("languages", Language.values());
        return "identity/account";
    }

    /** The languages a staff member answers in: routing prefers them for tickets in those languages. */
    @PostMapping("/account/languages")
    String languages(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) @Nullable List<Language> languages) {
        if (actor.isStaff()) {
            agents.setLanguages(actor.userId(), languages == null ? List.of() : languages);
        }
        return "redirect:/account?saved";
    }

    @PostMapping("/account/language")
    String language(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) @Nullable String language) {
        identity.speak(actor.userId(), language == null || language.isBlank() ? null : Language.valueOf(language));
        return "redirect:/account?saved";
    }

    @PostMapping("/account/password")
    String password(@AuthenticationPrincipal Actor actor, @RequestParam String currentPassword,
            @RequestParam String newPassword, Model model, Locale locale) {
        try {
            identity.changeOwnPassword(actor.userId(), currentPassword, newPassword);
            return "redirect:/account?saved";
        } catch (IdentityDataException refused) {
            String field = refused.errors().stream().anyMatch(e -> e.field().equals("currentPassword")) ? "account.password.wrong" : "account.password.rule";
            model.addAttribute("passwordError", messages.getMessage(field, null, locale));
            return show(actor, model);
        }
    }
}
