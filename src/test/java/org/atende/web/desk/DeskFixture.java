package org.atende.web.desk;

import java.time.Instant;
import java.util.Set;

import org.atende.customers.ContactId;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.identity.Role;
import org.atende.identity.TeamDraft;
import org.atende.identity.TeamId;
import org.atende.identity.TeamKind;
import org.atende.identity.UserDraft;
import org.atende.identity.UserSummary;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;

/** An agent with a password and a team, and an organisation with a contact, for desk page tests. */
final class DeskFixture {

    static final String PASSWORD = "teal marmots hum quietly";

    final Actor agent;
    final String agentEmail;
    final TeamId team;
    final OrganisationId organisation;
    final ContactSummary contact;
    private final Tickets tickets;

    DeskFixture(Identity identity, Customers customers, Tickets tickets, String word, long organisationId, long contactId) {
        this.tickets = tickets;
        this.team = identity.createTeam(new TeamDraft("Team " + word, TeamKind.FIRST_LINE)).id();
        this.agentEmail = word.toLowerCase() + "@vendor.example";
        UserSummary user = identity.createUser(new UserDraft(agentEmail, "Agent " + word, Role.AGENT, null, null, team, true,
                PASSWORD));
        this.agent = identity.actor(user.id()).orElseThrow();
        this.organisation = new OrganisationId(organisationId);
        this.contact = customers.contact(new ContactId(contactId)).orElseThrow();
    }

    /** A ticket written by the contact on {@code channel}. */
    TicketView fromCustomer(String subject, String body, Channel channel, @Nullable TicketType type, @Nullable Instant receivedAt) {
        return tickets.openFor(contact, new OpenTicket(organisation, contact.id(), channel, subject, body, type, null, null,
                Set.of(), receivedAt));
    }

    TicketView change(TicketView t, TicketChanges changes) {
        return tickets.update(t.id(), changes, agent);
    }

    TicketView assignToAgent(TicketView t) {
        return change(t, new TicketChanges(null, null, null, null, agent.userId(), false, null, null));
    }
}
