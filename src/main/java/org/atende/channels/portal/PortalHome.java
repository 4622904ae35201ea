package org.atende.channels.portal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.customers.PlanSummary;
import org.atende.customers.QuotaStatus;
import org.atende.customers.Quotas;
import org.atende.identity.Actor;
import org.atende.sla.PriorityTargets;
import org.atende.sla.PromiseWording;
import org.atende.sla.SlaPolicies;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketQuery;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's start: every ticket of the customer's organisation (not only the customer's own), the
 * plan, this month's quota use and the targets of each priority with the terms' disclaimer.
 */
@Controller
class PortalHome {

    /** Which tickets the list shows. */
    enum Show {
        OPEN, CLOSED, MINE, ALL
    }

    private static final Set<TicketStatus> CLOSED = EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED);

    private final Tickets tickets;
    private final Customers customers;
    private final Quotas quotas;
    private final SlaPolicies policies;

    PortalHome(Tickets tickets, Customers customers, Quotas quotas, SlaPolicies policies) {
        this.tickets = tickets;
        this.customers = customers;
        this.quotas = quotas;
        this.policies = policies;
    }

    /** One priority's targets in the customer's words ("4 business hours"). */
    record TargetRow(Priority priority, String firstResponse, String resolution) {
    }

    @GetMapping("/portal")
    String home(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "open") String show, Model model,
            Locale locale) {
        OrganisationId org = PortalAccess.organisationOf(actor);
        Show filter = parse(show);
        Set<TicketStatus> statuses = switch (filter) {
            case OPEN -> EnumSet.complementOf(EnumSet.copyOf(CLOSED));
            case CLOSED -> CLOSED;
            case MINE, ALL -> Set.of();
        };
        TicketQuery query = new TicketQuery(statuses, Set.of(), org, null, null, null, null, null, null, null, null,
                TicketQuery.Sort.UPDATED_DESC, 0, TicketQuery.MAX_SIZE);
        List<TicketView> list = tickets.list(query, actor).items();
        if (filter == Show.MINE) {
            list = list.stream().filter(t -> actor.contactId() != null && actor.contactId().equals(t.requesterContactId()))
                    .toList();
        }
        model.addAttribute("tickets", list);
        model.addAttribute("show", filter.name().toLowerCase(Locale.ROOT));
        OrganisationSummary organisation = customers.organisation(org).orElseThrow();
        PlanSummary plan = customers.plan(organisation.planId()).orElseThrow();
        model.addAttribute("organisation", organisation);
        model.addAttribute("plan", plan);
        QuotaStatus quota = quotas.status(org);
        model.addAttribute("quota", quota);
        model.addAttribute("exhausted", refusesNow(quota));
        model.addAttribute("targets", targets(plan, PortalDates.language(locale)));
        return "portal/home";
    }

    private List<TargetRow> targets(PlanSummary plan, Language language) {
        List<TargetRow> rows = new ArrayList<>();
        policies.get(plan.slaPolicyId()).ifPresent(policy -> {
            for (Priority p : Priority.values()) {
                PriorityTargets t = Objects.requireNonNull(policy.targets().get(p));
                rows.add(new TargetRow(p, PromiseWording.target(language, t.firstResponse()),
                        PromiseWording.target(language, t.resolution())));
            }
        });
        return List.copyOf(rows);
    }

    private static Show parse(@Nullable String show) {
        try {
            return show == null ? Show.OPEN : Show.valueOf(show.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Show.OPEN;
        }
    }

    /** Whether the plan refuses tickets past the allowance and this month's is used up. */
    static boolean refusesNow(QuotaStatus quota) {
        return quota.policy() == org.atende.customers.OverQuotaPolicy.REFUSE && quota.remaining() != null
                && quota.remaining() == 0;
    }
}
