package org.atende.web.desk;

import java.net.URI;

import org.atende.identity.Actor;
import org.atende.identity.Availability;
import org.atende.routing.Availabilities;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in agent's availability, in the header of every page (loaded with htmx): available or away, and the switch.
 * Going away with unfinished tickets asks first whether to hand them back to the team queue, saying how many; coming
 * back reassigns nothing.
 */
@Controller
class AvailabilityPages {

    private final Availabilities availabilities;

    AvailabilityPages(Availabilities availabilities) {
        this.availabilities = availabilities;
    }

    @GetMapping("/desk/availability")
    String control(@AuthenticationPrincipal Actor actor, @RequestHeader(name = "HX-Current-URL", required = false) @Nullable String page,
            Model model) {
        model.addAttribute("availability", availabilities.of(actor.userId(), actor).agent().availability());
        model.addAttribute("back", local(page));
        model.addAttribute("handedBack", handedBack(page));
        return "desk/availability :: control";
    }

    /**
     * Sets the availability. Going away with unfinished tickets and no {@code handBack} answer yet shows the question
     * first; {@code handBack=yes} hands them back, {@code handBack=no} keeps them.
     */
    @PostMapping("/desk/availability")
    String change(@AuthenticationPrincipal Actor actor, @RequestParam Availability availability,
            @RequestParam(required = false) @Nullable String handBack, @RequestParam(defaultValue = "/desk") String back, Model model) {
        String to = local(back);
        if (availability == Availability.AWAY && handBack == null) {
            int unfinished = availabilities.of(actor.userId(), actor).unfinishedTickets();
            if (unfinished > 0) {
                model.addAttribute("unfinished", unfinished);
                model.addAttribute("back", to);
                return "desk/away";
            }
        }
        var changed = availabilities.set(actor.userId(), availability, "yes".equals(handBack), actor);
        String sep = to.contains("?") ? "&" : "?";
        return "redirect:" + to + (availability == Availability.AWAY ? sep + "away=" + changed.handedBack() : sep + "available");
    }

    /** How many tickets the change just made handed back, as the page it led to says ({@code ?away=7}); null when none. */
    static @Nullable Integer handedBack(@Nullable String page) {
        var m = page == null ? null : java.util.regex.Pattern.compile("[?&]away=(\\d{1,6})(&|$)").matcher(page);
        return m != null && m.find() && Integer.parseInt(m.group(1)) > 0 ? Integer.valueOf(m.group(1)) : null;
    }

    /** A path of this site to go back to (never another site); the desk when there is none. */
    static String local(@Nullable String page) {
        if (page == null || page.isBlank()) {
            return "/desk";
        }
        try {
            URI uri = URI.create(page.strip());
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/desk";
            }
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery().replaceAll("(^|&)(away=\\d*|available)(?=&|$)", "")
                    .replaceAll("^&", "");
            return query.isEmpty() ? path : path + "?" + query;
        } catch (IllegalArgumentException e) {
            return "/desk";
        }
    }
}
