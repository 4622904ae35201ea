package org.atende.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.support.DeskFixtures;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEventView;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A desk to route on: teams, agents with languages, organisations on plans, customers who open tickets, and rules;
 * and what routing did, waited for (routing runs after the opening transaction commits, on another thread).
 */
final class RoutingDesk {

    final JdbcClient jdbc;
    final Tickets tickets;
    final RoutingRules rules;
    final DeskFixtures fixtures;
    final long policy;
    final Actor admin;

    RoutingDesk(JdbcClient jdbc, Tickets tickets, RoutingRules rules) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.rules = rules;
        this.fixtures = new DeskFixtures(jdbc);
        settle();
        rules.list().forEach(r -> rules.delete(r.id()));
        rules.changeSettings(new RoutingRuleDraft.Action(null, "NONE"));
        this.policy = fixtures.standardPolicy();
        this.admin = fixtures.staff(Role.ADMIN, "Ada Admin");
    }

    TeamId team(String name) {
        return fixtures.team(name, "FIRST_LINE");
    }

    /** An agent of a team speaking {@code languages} (ES, PT, EN). */
    Actor agent(String name, TeamId team, String... languages) {
        Actor a = fixtures.staff(Role.AGENT, name);
        jdbc.sql("UPDATE app_user SET team_id = ?, languages = ? WHERE id = ?")
                .params(team.value(), languages.length == 0 ? null : String.join(",", languages), a.userId().value()).update();
        return a;
    }

    void away(Actor agent) {
        jdbc.sql("UPDATE app_user SET availability = 'AWAY' WHERE id = ?").param(agent.userId().value()).update();
    }

    long plan(String defaultPriority) {
        return fixtures.plan(policy, defaultPriority);
    }

    OrganisationId organisation(long plan, String language) {
        OrganisationId org = fixtures.organisation("Org", plan);
        jdbc.sql("UPDATE organisation SET language = ? WHERE id = ?").params(language, org.value()).update();
        return org;
    }

    Actor customer(OrganisationId org, String language) {
        return fixtures.customer(org, "Customer " + language, language);
    }

    TicketView open(Actor customer, String subject, String body) {
        return open(customer, Channel.PORTAL, subject, body, null, null, Set.of());
    }

    TicketView open(Actor customer, Channel channel, String subject, String body, @Nullable TicketType type,
            @Nullable String category, Set<String> tags) {
        return tickets.open(new OpenTicket(null, null, channel, subject, body, type, category, null, tags), customer);
    }

    /** A ticket staff open for an organisation without a requester (its language is the organisation's). */
    TicketView openWithoutRequester(OrganisationId org, String subject) {
        return tickets.open(new OpenTicket(org, null, Channel.API, subject, "Sem contacto.", null, null, null, Set.of()), admin);
    }

    RoutingRule rule(String name, RoutingRuleDraft.Conditions conditions, TeamId team, RoutingMethod method) {
        var outcome = rules.create(new RoutingRuleDraft(name, true, null, conditions, new RoutingRuleDraft.Action(team.value(), method.name())));
        assertThat(outcome).as("%s", outcome).isInstanceOf(RoutingOutcome.Saved.class);
        return ((RoutingOutcome.Saved<RoutingRule>) outcome).value();
    }

    static RoutingRuleDraft.Conditions any() {
        return new RoutingRuleDraft.Conditions(null, null, null, null, null, null, null, null, null);
    }

    static RoutingRuleDraft.Conditions types(String... types) {
        return new RoutingRuleDraft.Conditions(null, null, null, List.of(types), null, null, null, null, null);
    }

    static RoutingRuleDraft.Conditions languages(String... languages) {
        return new RoutingRuleDraft.Conditions(null, null, null, null, null, List.of(languages), null, null, null);
    }

    static RoutingRuleDraft.Conditions words(String... words) {
        return new RoutingRuleDraft.Conditions(null, null, null, null, null, null, null, null, Arrays.asList(words));
    }

    /**
     * Waits until no ticket waits in the routing queue for its first attempt and every event publication is complete:
     * routing has done whatever it was going to do.
     */
    void settle() {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (jdbc.sql("SELECT COUNT(*) FROM routing_queue WHERE attempts = 0").query(Long.class).single() > 0
                || jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND (status IS NULL OR status <> 'FAILED')").query(Long.class).single() > 0) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("routing did not finish within 30 s");
            }
            sleep(20);
        }
    }

    TicketView now(TicketView t) {
        settle();
        return tickets.lookup(t.id()).orElseThrow();
    }

    List<TimelineEventView> timeline(TicketId id) {
        return tickets.timeline(id, admin);
    }

    List<RoutedLine> routed(TicketId id) {
        return timeline(id).stream().map(RoutedLine::of).flatMap(java.util.Optional::stream).toList();
    }

    /**
     * Whom a team's tickets went to, in the order the team's row was locked: each routing writes its line while it
     * holds the lock, so the lines' ids follow the order of the choices.
     */
    /**
     * Upgrading from a desk that routed opened tickets through the event publication registry: runs the dialect's
     * migration (in the transaction {@code inTransaction} gives) over two pending routing publications (the id as a
     * number, and in its older {@code {"value": n}} form) and a completed one; answers the three tickets.
     */
    List<TicketView> pendingPublicationsMovedToTheQueue(Actor customer, String dialect, java.util.function.Consumer<Runnable> inTransaction,
            javax.sql.DataSource dataSource) {
        List<TicketView> opened = List.of(open(customer, "Pendente", "…"), open(customer, "Pendente antiga", "…"), open(customer, "Feita", "…"));
        settle(); // no rule: each left unrouted, and out of the queue
        String listener = "org.atende.routing.internal.RoutingListener.on(org.atende.tickets.TicketOpened)";
        String[] events = {"{\"ticketId\":%d,\"number\":1,\"organisationId\":1,\"priority\":\"HIGH\",\"type\":\"QUESTION\"}",
                "{\"ticketId\":{\"value\":%d},\"number\":2,\"organisationId\":{\"value\":1}}", "{\"ticketId\":%d}"};
        inTransaction.accept(() -> {
            for (int i = 0; i < 3; i++) {
                jdbc.sql("INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date, status, "
                                + "completion_attempts) VALUES (?, ?, 'org.atende.tickets.TicketOpened', ?, ?, ?, ?, 0)")
                        .params(java.util.UUID.randomUUID(), listener, events[i].formatted(opened.get(i).id().value()),
                                java.sql.Timestamp.from(Instant.now().minusSeconds(60)), i == 2 ? java.sql.Timestamp.from(Instant.now()) : null,
                                i == 2 ? "COMPLETED" : "PUBLISHED").update();
            }
            org.springframework.jdbc.datasource.init.ScriptUtils.executeSqlScript(
                    org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource),
                    new org.springframework.core.io.ClassPathResource("db/migration/" + dialect + "/V185__routing_queue_from_publications.sql"));
            assertThat(jdbc.sql("SELECT ticket_id FROM routing_queue ORDER BY ticket_id").query(Long.class).list())
                    .containsExactly(opened.get(0).id().value(), opened.get(1).id().value());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id = ? AND completion_date IS NULL").param(listener)
                    .query(Long.class).single()).isZero();
        });
        return opened;
    }

    List<Long> picksInLockOrder(TeamId team) {
        return jdbc.sql("SELECT after_value FROM timeline_event WHERE kind = 'ROUTED' AND after_value LIKE ? ORDER BY id")
                .param("team=" + team.value() + ";%").query(String.class).list().stream()
                .map(owner -> Long.parseLong(owner.substring(owner.indexOf("assignee=") + 9))).toList();
    }

    /** Asserts that each pick is the one after the previous pick, among {@code agents} by id. */
    static void assertInTurn(List<Long> picks, List<Actor> agents) {
        List<Long> ids = agents.stream().map(a -> a.userId().value()).sorted().toList();
        for (int i = 1; i < picks.size(); i++) {
            assertThat(picks.get(i)).as("pick %d follows pick %d in turn: %s", i, i - 1, picks)
                    .isEqualTo(ids.get((ids.indexOf(picks.get(i - 1)) + 1) % ids.size()));
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
