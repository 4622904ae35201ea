package org.atende.reporting.web;

import java.util.ArrayList;
import java.util.List;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.identity.Actor;
import org.atende.reporting.MonthlyMailing;
import org.atende.reporting.ReportRebuild;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What administrators do with the reports: rebuild the read model from the tickets (a button; the page
 * follows its progress by htmx polling, on whichever instance runs it, since the progress is in the
 * database) and choose which organisations get their monthly report by e-mail.
 */
@Controller
@RequestMapping("/reports")
class ReportAdminPages {

    private static final Logger log = LoggerFactory.getLogger(ReportAdminPages.class);

    private final ReportRebuild rebuild;
    private final MonthlyMailing mailing;
    private final Customers customers;

    ReportAdminPages(ReportRebuild rebuild, MonthlyMailing mailing, Customers customers) {
        this.rebuild = rebuild;
        this.mailing = mailing;
        this.customers = customers;
    }

    @GetMapping("/admin")
    String page(@AuthenticationPrincipal Actor actor, Model model) {
        admin(actor);
        List<OrganisationSummary> organisations = new ArrayList<>(customers.organisations(0, 500));
        model.addAttribute("tab", "admin");
        model.addAttribute("progress", rebuild.latest().orElse(null));
        model.addAttribute("organisations", organisations);
        model.addAttribute("mailed", mailing.enabled());
        model.addAttribute("lastSent", mailing.lastSent());
        return "reports/admin";
    }

    /** Starts a rebuild here, in the background; answers the progress fragment (htmx) or the page. */
    @PostMapping("/rebuild")
    String start(@AuthenticationPrincipal Actor actor, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        admin(actor);
        rebuild.request(actor.name()).ifPresent(p -> Thread.ofVirtual().name("report-rebuild").start(() -> {
            try {
                rebuild.runRequested(line -> log.info("Report rebuild: {}", line));
            } catch (RuntimeException e) {
                log.error("Report rebuild failed", e);
            }
        }));
        model.addAttribute("progress", rebuild.latest().orElse(null));
        return htmx != null ? "reports/admin :: progress" : "redirect:/reports/admin";
    }

    @GetMapping("/rebuild/progress")
    String progress(@AuthenticationPrincipal Actor actor, Model model) {
        admin(actor);
        model.addAttribute("progress", rebuild.latest().orElse(null));
        return "reports/admin :: progress";
    }

    @PostMapping("/mailing/{organisationId}")
    String mailing(@PathVariable long organisationId, @RequestParam(defaultValue = "false") boolean enabled,
            @AuthenticationPrincipal Actor actor) {
        admin(actor);
        mailing.choose(new OrganisationId(organisationId), enabled, actor.userId());
        return "redirect:/reports/admin";
    }

    private static void admin(@Nullable Actor actor) {
        if (actor == null || !actor.isAdmin()) {
            throw new AccessDeniedException("Rebuilding the reports and their mailing are for administrators.");
        }
    }
}
