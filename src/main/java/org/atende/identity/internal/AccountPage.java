package org.atende.identity.internal;

import java.util.List;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.identity.Agents;
import org.atende.identity.Identity;
import org.atende.identity.IdentityDataException;
import org.atende.identity.TokenId;
import org.atende.identity.TokenSummary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.PathVariable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A signed-in person's own settings: the language of the pages, the languages staff answer in, the password, and their API tokens. */
@Controller
class AccountPage {

    private final Identity identity;
    private final Agents agents;
    private final MessageSource messages;
    private final SignInAttempts attempts;
    private final Clock clock;

    AccountPage(Identity identity, Agents agents, MessageSource messages, SignInAttempts attempts, ObjectProvider<Clock> clock) {
        this.identity = identity;
        this.agents = agents;
        this.messages = messages;
        this.attempts = attempts;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @GetMapping("/account")
    String show(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("user", identity.user(actor.userId()).orElseThrow(NoSuchElementException::new));
        model.addAttribute("agent", agents.profile(actor.userId()).orElse(null));
        model.addAttribute("languages", Language.values());
        Instant now = clock.instant();
        model.addAttribute("tokens", identity.tokens(actor.userId()).stream()
                .filter(t -> t.revokedAt() == null && (t.expiresAt() == null || t.expiresAt().isAfter(now))).toList());
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

    /** Revokes one of the signed-in person's own API tokens (another's is "not found"). */
    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        TokenSummary token = identity.token(new TokenId(id)).filter(t -> t.userId().equals(actor.userId()))
                .orElseThrow(NoSuchElementException::new);
        identity.revokeToken(token.id());
        return "redirect:/account?revoked";
    }

    @PostMapping("/account/tokens/revoke-all")
    String revokeAll(@AuthenticationPrincipal Actor actor) {
        identity.tokens(actor.userId()).stream().filter(t -> t.revokedAt() == null)
                .forEach(t -> identity.revokeToken(t.id()));
        return "redirect:/account?revoked";
    }

    @PostMapping("/account/language")
    String language(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) @Nullable String language) {
        identity.speak(actor.userId(), language == null || language.isBlank() ? null : Language.valueOf(language));
        return "redirect:/account?saved";
    }

    /**
     * Changes the password: every other session of the person ends, this one goes on, and the page then lists
     * their API tokens, which still work, to revoke. A wrong current password counts toward the sign-in lockout;
     * the one that locks the account signs this session out too.
     */
    @PostMapping("/account/password")
    String password(@AuthenticationPrincipal Actor actor, @RequestParam String currentPassword,
            @RequestParam String newPassword, Model model, Locale locale, HttpServletRequest request) {
        String email = identity.user(actor.userId()).orElseThrow(NoSuchElementException::new).email();
        HttpSession session = request.getSession(false);
        if (attempts.isLocked(email)) {
            return signOut(session);
        }
        try {
            identity.changeOwnPassword(actor.userId(), currentPassword, newPassword, session == null ? null : session.getId());
            return "redirect:/account?passwordChanged";
        } catch (IdentityDataException refused) {
            String key;
            if (refused.errors().stream().anyMatch(e -> e.field().equals("currentPassword"))) {
                if (attempts.recordFailure(email)) {
                    return signOut(session);
                }
                key = "account.password.wrong";
            } else {
                key = PasswordRules.Refusal.keyOf(refused);
            }
            model.addAttribute("passwordError", messages.getMessage(key, null, locale));
            return show(actor, model);
        }
    }

    private static String signOut(@Nullable HttpSession session) {
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/login?locked";
    }
}
