package org.atende.identity.internal;

import java.util.Locale;
import java.util.Objects;

import org.atende.identity.Identity;
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
 * The page an invitation's link opens (no sign-in): the invited person chooses a password, twice, and
 * then signs in. A used, superseded, expired or unknown link shows a page that says so (410).
 */
@Controller
class InvitationPage {

    private final Identity identity;
    private final MessageSource messages;

    InvitationPage(Identity identity, MessageSource messages) {
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/invitations/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        var invitation = identity.invitation(token);
        if (invitation.isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "identity/invitation-gone";
        }
        model.addAttribute("email", invitation.get().email());
        model.addAttribute("token", token);
        return "identity/invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String repeatPassword, Model model, Locale locale,
            HttpServletResponse response) {
        if (!Objects.equals(newPassword, repeatPassword)) {
            return again(token, "invitation.password.different", model, locale, response);
        }
        try {
            if (identity.acceptInvitation(token, newPassword).isEmpty()) {
                response.setStatus(HttpStatus.GONE.value());
                return "identity/invitation-gone";
            }
        } catch (IdentityDataException refused) {
            return again(token, PasswordRules.Refusal.keyOf(refused), model, locale, response);
        }
        return "redirect:/login?passwordSet";
    }

    private String again(String token, String message, Model model, Locale locale, HttpServletResponse response) {
        String page = show(token, model, response);
        if (response.getStatus() == HttpStatus.OK.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("passwordError", messages.getMessage(message, null, locale));
        }
        return page;
    }
}
