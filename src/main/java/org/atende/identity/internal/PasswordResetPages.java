package org.atende.identity.internal;

import java.util.Locale;

import org.atende.identity.IdentityDataException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The public pages of a password reset: ask for a link by e-mail (the answer is the same whether or not
 * the address has an account), then set a new password through the link.
 */
@Controller
class PasswordResetPages {

    private final PasswordResets resets;
    private final MessageSource messages;

    PasswordResetPages(PasswordResets resets, MessageSource messages) {
        this.resets = resets;
        this.messages = messages;
    }

    @GetMapping("/password-reset")
    String form() {
        return "identity/password-reset";
    }

    @PostMapping("/password-reset")
    String request(@RequestParam(defaultValue = "") String email, Model model) {
        if (!email.isBlank() && email.length() <= 320) {
            resets.request(email);
        }
        model.addAttribute("sent", true);
        return "identity/password-reset";
    }

    @GetMapping("/password-reset/{token}")
    String newPassword(@PathVariable String token, Model model, HttpServletResponse response) {
        if (resets.accountOf(token).isEmpty()) {
            return unusable(model, response);
        }
        model.addAttribute("token", token);
        return "identity/password-reset-new";
    }

    @PostMapping("/password-reset/{token}")
    String setPassword(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat, Model model, Locale locale, HttpServletResponse response) {
        if (resets.accountOf(token).isEmpty()) {
            return unusable(model, response);
        }
        if (!password.equals(repeat)) {
            return again(token, "reset.password.different", model, locale);
        }
        try {
            if (!resets.reset(token, password)) {
                return unusable(model, response);
            }
        } catch (IdentityDataException refused) { // too short, too long or too easy to guess: the link stays usable
            return again(token, PasswordRules.Refusal.keyOf(refused), model, locale);
        }
        return "redirect:/login?passwordSet";
    }

    private String again(String token, String message, Model model, Locale locale) {
        model.addAttribute("token", token);
        model.addAttribute("passwordError", messages.getMessage(message, null, locale));
        return "identity/password-reset-new";
    }

    /** A link that is unknown, used or expired: say so, and offer a new one. */
    private static String unusable(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("unusable", true);
        return "identity/password-reset";
    }
}
