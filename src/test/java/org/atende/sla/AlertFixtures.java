package org.atende.sla;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.support.DeskFixtures;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff, teams and tickets for the alert, escalation and digest tests, through the tickets facade; and what
 * the desk sent them, read from the outbox and the desk notifications.
 */
final class AlertFixtures {

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final MovingClock clock;
    final DeskFixtures fixtures;
    final Actor admin;

    AlertFixtures(JdbcClient jdbc, Tickets tickets, MovingClock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.clock = clock;
        this.fixtures = new DeskFixtures(jdbc);
        // earlier tests' people are gone: every lead found below is this test's
        jdbc.sql("UPDATE app_user SET active = FALSE").update();
        for (String table : List.of("escalation_firing", "escalation_rule", "sla_alert", "desk_notification", "outgoing_message",
                "digest_run", "digest_sent", "quota_limit_reached")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        this.admin = fixtures.staff(Role.ADMIN, "Ada Admin");
    }

    TeamId team(String name) {
        return fixtures.team(name, "FIRST_LINE");
    }

    /** An active staff user of a role, in a team (or none), speaking a language (or none: English). */
    Actor staff(Role role, String name, @Nullable TeamId team, @Nullable String language) {
        Actor actor = fixtures.staff(role, name);
        jdbc.sql("UPDATE app_user SET team_id = ?, language = ? WHERE id = ?")
                .params(team == null ? null : team.value(), language, actor.userId().value()).update();
        return actor;
    }

    void deactivate(Actor actor) {
        jdbc.sql("UPDATE app_user SET active = FALSE WHERE id = ?").param(actor.userId().value()).update();
    }

    String email(Actor actor) {
        return jdbc.sql("SELECT email FROM app_user WHERE id = ?").param(actor.userId().value()).query(String.class).single();
    }

    /** A support ticket received at {@code at}, at a priority, with an assignee and a team if given. */
    TicketView open(OrganisationId organisation, Priority priority, String at, @Nullable Actor assignee, @Nullable TeamId team) {
        clock.set(at);
        TicketView t = tickets.open(new OpenTicket(organisation, null, Channel.EMAIL, "Invoices do not export",
                "Error 500 when exporting", TicketType.INCIDENT, null, null, Set.of(), Instant.parse(at)), admin);
        tickets.update(t.id(), new TicketChanges(priority, null, null, null, assignee == null ? null : assignee.userId(), false,
                team, null), admin);
        return tickets.lookup(t.id()).orElseThrow();
    }

    /** An e-mail of the outbox: to whom, its purpose, subject and body. */
    record Mail(String recipient, String purpose, String subject, String body, @Nullable Long ticketId) {
    }

    List<Mail> mails() {
        return jdbc.sql("SELECT recipient, purpose, subject, body, ticket_id FROM outgoing_message ORDER BY id")
                .query((rs, n) -> {
                    long ticket = rs.getLong(5);
                    Long ticketId = rs.wasNull() ? null : ticket;
                    return new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), ticketId);
                }).list();
    }

    /**
     * The ticket numbers a user was told of by e-mail, one per alert: a mail about one ticket, or each ticket a mail
     * listing several links to.
     */
    List<Long> alertedNumbers(Actor actor) {
        List<Long> numbers = new java.util.ArrayList<>();
        for (Mail m : mailsTo(actor)) {
            java.util.regex.Matcher links = java.util.regex.Pattern.compile("/desk/tickets/(\\d+)").matcher(m.body());
            while (links.find()) {
                numbers.add(Long.parseLong(links.group(1)));
            }
        }
        return numbers;
    }

    List<Mail> mailsTo(Actor actor) {
        String email = email(actor);
        return mails().stream().filter(m -> m.recipient().equals(email)).toList();
    }

    List<String> deskKinds(Actor actor) {
        return jdbc.sql("SELECT kind FROM desk_notification WHERE user_id = ? ORDER BY id").param(actor.userId().value())
                .query(String.class).list();
    }

    List<String> timeline(TicketId ticket) {
        return jdbc.sql("SELECT kind || ': ' || COALESCE(detail, '') FROM timeline_event WHERE ticket_id = ? ORDER BY id")
                .param(ticket.value()).query(String.class).list();
    }
}
