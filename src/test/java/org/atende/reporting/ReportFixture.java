package org.atende.reporting;

import java.util.Set;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.support.DeskFixtures;
import org.atende.support.MovingTime;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.atende.tickets.Tickets;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hand-computed November desk of {@link ReportsContract} (see its table): one organisation on a plan
 * whose tickets are High, six tickets moved along {@link MovingTime#CLOCK} on 26 and 27 November 2026.
 */
public final class ReportFixture {

    public final OrganisationId org;
    public final Actor lead;
    public final Actor customer;
    public final TeamId secondLine;
    public final TicketId a, b, c, d, e, f;
    private final Tickets tickets;

    public ReportFixture(JdbcClient jdbc, Tickets tickets, String organisationName) {
        this.tickets = tickets;
        var desk = new DeskFixtures(jdbc);
        long plan = desk.plan(desk.standardPolicy(), "HIGH");
        org = desk.organisation(organisationName, plan);
        customer = desk.customer(org, "Ana Silva");
        lead = desk.staff(Role.LEAD, "Lia Lead");
        secondLine = desk.team("Second line", "SECOND_LINE");

        at("2026-11-26T10:00:00Z");
        a = open(Channel.PORTAL, TicketType.INCIDENT);
        b = open(Channel.PORTAL, TicketType.INCIDENT);
        c = open(Channel.PORTAL, TicketType.QUESTION);
        d = open(Channel.EMAIL, TicketType.INCIDENT);
        e = open(Channel.PORTAL, TicketType.TECHNICAL_SERVICE);
        at("2026-11-26T10:30:00Z");
        tickets.reply(b, new Reply("Which version?", false, TicketStatus.WAITING_ON_CUSTOMER, null), lead);
        at("2026-11-26T11:00:00Z");
        tickets.reply(a, Reply.publicly("Looking"), lead);
        at("2026-11-26T12:00:00Z");
        tickets.reply(c, Reply.publicly("Here is how"), lead);
        tickets.escalate(d, secondLine, "needs the database team", lead);
        at("2026-11-26T12:30:00Z");
        tickets.update(b, TicketChanges.status(TicketStatus.OPEN), lead);
        at("2026-11-26T13:00:00Z");
        tickets.update(a, TicketChanges.status(TicketStatus.RESOLVED), lead);
        tickets.update(c, TicketChanges.status(TicketStatus.RESOLVED), lead);
        at("2026-11-26T14:30:00Z");
        tickets.update(b, TicketChanges.status(TicketStatus.RESOLVED), lead);
        at("2026-11-26T15:00:00Z");
        tickets.update(c, TicketChanges.status(TicketStatus.OPEN), lead);
        at("2026-11-26T16:00:00Z");
        tickets.update(c, TicketChanges.status(TicketStatus.RESOLVED), lead);
        at("2026-11-27T09:00:00Z");
        f = open(Channel.PORTAL, TicketType.INCIDENT);
        at("2026-11-27T10:00:00Z");
        tickets.reply(f, new Reply("Can you send the log?", false, TicketStatus.WAITING_ON_CUSTOMER, null), lead);
        at("2026-11-27T11:00:00Z");
        tickets.reply(d, Reply.publicly("Sorry for the wait"), lead);
        tickets.reply(e, Reply.publicly("Quote follows"), lead);
        at("2026-11-27T12:00:00Z");
        tickets.update(d, TicketChanges.status(TicketStatus.RESOLVED), lead);
        tickets.update(e, TicketChanges.status(TicketStatus.RESOLVED), lead);
    }

    public static void at(String utc) {
        MovingTime.CLOCK.set(utc);
    }

    private TicketId open(Channel channel, TicketType type) {
        return tickets.open(new OpenTicket(org, null, channel, "Subject", "It does not work", type, null, null, Set.of()), lead).id();
    }
}
