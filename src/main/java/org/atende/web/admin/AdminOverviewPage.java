package org.atende.web.admin;

import org.atende.identity.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin}: a page linking to every section. */
@Controller
class AdminOverviewPage {

    @GetMapping("/admin")
    String overview(@AuthenticationPrincipal Actor actor) {
        AdminAccess.lead(actor);
        return "admin/overview";
    }
}
