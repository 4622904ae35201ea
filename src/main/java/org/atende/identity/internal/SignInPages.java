package org.atende.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.atende.identity.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** The sign-in page, and the start page that sends each role where it works. */
@Controller
class SignInPages {

    private final SignInProperties signIn;

    SignInPages(SignInProperties signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/login")
    String signIn(Model model) {
        model.addAttribute("lockoutMinutes", signIn.lockout().toMinutes());
        return "identity/sign-in";
    }

    /** Where {@link SignInThrottle} forwards a post it refused (any method: the original is a POST). */
    @RequestMapping(SignInThrottle.THROTTLED_PAGE)
    String throttled(@RequestAttribute(name = "retryAfterSeconds", required = false) Long retryAfter,
            HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("retryAfterSeconds", retryAfter == null ? 60L : retryAfter);
        return signIn(model);
    }

    /** Staff start at their queues, customers at their organisation's tickets. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal Actor actor) {
        return actor.isStaff() ? "redirect:/desk" : "redirect:/portal";
    }
}
