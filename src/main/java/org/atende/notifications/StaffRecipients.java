package org.atende.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atende.customers.Customers;
import org.atende.identity.Identity;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.atende.tickets.TicketView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who among the staff hears about a ticket. Teams have no lead of their own: a ticket's leads are the
 * active LEAD-role members of its team, and the organisation's account lead; when that finds nobody,
 * every active lead. Only active staff users, each once.
 */
@Component
class StaffRecipients {

    private final Identity identity;
    private final Customers customers;

    StaffRecipients(Identity identity, Customers customers) {
        this.identity = identity;
        this.customers = customers;
    }

    /** The assignee, the team's members and the leads, in that order, each once. */
    List<UserSummary> ofTicket(TicketView ticket) {
        return ofTicket(ticket, this::allLeads);
    }

    /** {@link #ofTicket(TicketView)} of many tickets, every active lead read at most once. */
    Map<org.atende.tickets.TicketId, List<UserSummary>> ofTickets(java.util.Collection<TicketView> tickets) {
        java.util.function.Supplier<List<UserSummary>> allLeads = org.springframework.util.function.SingletonSupplier.of(this::allLeads);
        Map<org.atende.tickets.TicketId, List<UserSummary>> found = new LinkedHashMap<>();
        tickets.forEach(t -> found.put(t.id(), ofTicket(t, allLeads)));
        return found;
    }

    private List<UserSummary> ofTicket(TicketView ticket, java.util.function.Supplier<List<UserSummary>> allLeads) {
        Map<UserId, UserSummary> found = new LinkedHashMap<>();
        if (ticket.assigneeId() != null) {
            add(found, identity.user(ticket.assigneeId()).orElse(null));
        }
        if (ticket.teamId() != null) {
            identity.activeMembers(ticket.teamId()).forEach(u -> add(found, u));
        }
        leadsOf(ticket, allLeads).forEach(u -> add(found, u));
        return List.copyOf(found.values());
    }

    /** The ticket's leads (see the class comment). */
    List<UserSummary> leadsOf(TicketView ticket) {
        return leadsOf(ticket, this::allLeads);
    }

    private List<UserSummary> leadsOf(TicketView ticket, java.util.function.Supplier<List<UserSummary>> allLeads) {
        Map<UserId, UserSummary> found = new LinkedHashMap<>();
        if (ticket.teamId() != null) {
            identity.activeMembers(ticket.teamId()).stream().filter(u -> u.role() == Role.LEAD).forEach(u -> add(found, u));
        }
        customers.organisation(ticket.organisationId()).map(o -> o.accountLeadId())
                .flatMap(id -> identity.user(new UserId(id))).filter(u -> u.role() == Role.LEAD)
                .ifPresent(u -> add(found, u));
        return found.isEmpty() ? allLeads.get() : List.copyOf(found.values());
    }

    /** An organisation's account lead if it is an active lead, else every active lead. */
    List<UserSummary> leadsOf(org.atende.customers.OrganisationId organisation) {
        return customers.organisation(organisation).map(o -> o.accountLeadId())
                .flatMap(id -> identity.user(new UserId(id))).filter(u -> u.active() && u.role() == Role.LEAD)
                .map(List::of).orElseGet(this::allLeads);
    }

    List<UserSummary> allLeads() {
        return identity.activeWithRole(Role.LEAD);
    }

    /** A user (if active staff) and a team's active members, each once. */
    List<UserSummary> named(@Nullable UserId user, @Nullable TeamId team) {
        Map<UserId, UserSummary> found = new LinkedHashMap<>();
        if (user != null) {
            add(found, identity.user(user).orElse(null));
        }
        if (team != null) {
            identity.activeMembers(team).forEach(u -> add(found, u));
        }
        return new ArrayList<>(found.values());
    }

    private static void add(Map<UserId, UserSummary> found, @Nullable UserSummary user) {
        if (user != null && user.active() && user.role().isStaff()) {
            found.putIfAbsent(user.id(), user);
        }
    }
}
