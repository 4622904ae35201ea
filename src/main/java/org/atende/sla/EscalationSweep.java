package org.atende.sla;

import static org.atende.sla.ClockBook.second;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.atende.customers.Customers;
import org.atende.identity.Identity;
import org.atende.identity.TeamId;
import org.atende.identity.TeamSummary;
import org.atende.identity.UserId;
import org.atende.sla.internal.ClockKey;
import org.atende.sla.internal.ClockStore;
import org.atende.sla.internal.StoredClock;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEntry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The escalation rules' part of the sweep. For each active rule, in batches (each its own transaction),
 * claims the clocks of its kind that reached its threshold and that it has not fired for, with
 * {@code FOR UPDATE SKIP LOCKED}, in ticket order (so clocks the rule's other conditions leave out never
 * starve the rest). For a clock that meets every condition, the firing is inserted if absent first: only
 * the transaction whose insert wrote the row acts, so two instances never both fire a rule for a clock,
 * and a rule fires at most once per clock whatever its own actions do to the clock afterwards (a raised
 * priority recomputes the clock, which may warn again: the rule is done with it). Each clock is handled
 * under a savepoint: one that fails is left for the next pass without undoing its batch.
 */
@Component
class EscalationSweep {

    private static final Logger log = LoggerFactory.getLogger(EscalationSweep.class);
    private static final int MAX_BATCHES_PER_RULE = 1_000;

    private final EscalationRules rules;
    private final ClockStore store;
    private final ClockBook book;
    private final Tickets tickets;
    private final Customers customers;
    private final Identity identity;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoint;
    private final int batchSize;

    EscalationSweep(EscalationRules rules, ClockStore store, ClockBook book, Tickets tickets, Customers customers,
            Identity identity, ApplicationEventPublisher events, JdbcClient jdbc, PlatformTransactionManager transactions,
            SlaSweepProperties properties) {
        this.rules = rules;
        this.store = store;
        this.book = book;
        this.tickets = tickets;
        this.customers = customers;
        this.identity = identity;
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.batchSize = properties.sweepBatchSize();
    }

    /** Evaluates every active rule at {@code now}; answers how many firings this pass made. */
    int runOnce(Instant now) {
        int fired = 0;
        for (EscalationRule rule : rules.active()) {
            long after = 0;
            for (int i = 0; i < MAX_BATCHES_PER_RULE; i++) {
                long from = after;
                Batch batch = Objects.requireNonNull(transactions.execute(tx -> batch(rule, now, from)));
                fired += batch.fired();
                if (batch.claimed().size() < batchSize) {
                    break;
                }
                after = batch.claimed().getLast();
            }
        }
        return fired;
    }

    private record Batch(List<Long> claimed, int fired) {
    }

    private Batch batch(EscalationRule rule, Instant now, long after) {
        List<Long> claimed = claim(rule, now, after);
        int fired = 0;
        for (long ticket : claimed) {
            ClockKey key = new ClockKey(new TicketId(ticket), rule.conditions().clockKind());
            try {
                if (Boolean.TRUE.equals(savepoint.execute(tx -> evaluate(rule, key, now)))) {
                    fired++;
                }
            } catch (RuntimeException e) {
                log.error("Escalation rule {} could not be applied to the {} clock of ticket {}; left for the next pass",
                        rule.id(), key.kind(), ticket, e);
            }
        }
        return new Batch(claimed, fired);
    }

    private List<Long> claim(EscalationRule rule, Instant now, long after) {
        String threshold = switch (rule.threshold().kind()) {
            case WARNING -> "(c.warned_at IS NOT NULL OR c.breached_at IS NOT NULL)";
            case BREACHED -> "c.breached_at IS NOT NULL";
            case ELAPSED -> "c.started_at <= :now"; // the share is read below, on the business calendar
        };
        return jdbc.sql("SELECT c.ticket_id FROM sla_clock c WHERE c.kind = :kind AND c.excluded_since IS NULL "
                        + "AND c.stopped_at IS NULL AND c.ticket_id > :after AND " + threshold
                        + " AND NOT EXISTS (SELECT 1 FROM escalation_firing f WHERE f.rule_id = :rule "
                        + "AND f.ticket_id = c.ticket_id AND f.clock_kind = c.kind) "
                        + "ORDER BY c.ticket_id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("kind", rule.conditions().clockKind().name()).param("after", after).param("rule", rule.id())
                .param("now", Timestamp.from(now)).param("limit", batchSize)
                .query(Long.class).list();
    }

    private boolean evaluate(EscalationRule rule, ClockKey key, Instant now) {
        TicketView ticket = tickets.lookup(key.ticket()).orElse(null);
        if (ticket == null || !matches(rule, ticket) || !reached(rule, key, now)) {
            return false;
        }
        Instant at = second(now);
        List<String> done = new ArrayList<>();
        Priority raised = raised(rule.actions().raisePriority(), ticket.priority());
        if (raised != null) {
            done.add("priority raised to " + label(raised));
        }
        TeamId team = rule.actions().reassignTeamId() == null ? null : new TeamId(rule.actions().reassignTeamId());
        if (team != null && !team.equals(ticket.teamId())) {
            done.add("reassigned to team " + identity.team(team).map(TeamSummary::name).orElse(team.toString()));
        } else {
            team = null;
        }
        UserId user = rule.actions().notifyUserId() == null ? null : new UserId(rule.actions().notifyUserId());
        TeamId notifyTeam = rule.actions().notifyTeamId() == null ? null : new TeamId(rule.actions().notifyTeamId());
        if (user != null) {
            done.add("notified " + identity.user(user).map(u -> u.name()).orElse("user " + user.value()));
        }
        if (notifyTeam != null) {
            done.add("notified team " + identity.team(notifyTeam).map(TeamSummary::name).orElse(notifyTeam.toString()));
        }
        String summary = "Escalation rule '" + rule.name() + "': " + (done.isEmpty() ? "nothing left to change" : String.join(", ", done));
        if (!fire(rule, key, at, summary)) {
            return false; // another instance fired it first
        }
        tickets.recordOnTimeline(key.ticket(), new TimelineEntry(at, null, TimelineEntry.SYSTEM, "ESCALATION_RULE",
                key.kind().name(), null, null, summary + " (" + key.kind().label().toLowerCase(Locale.ROOT) + " clock, "
                + rule.threshold().label() + ")"));
        if (raised != null || team != null) {
            tickets.changeByDesk(key.ticket(), raised, team, summary);
        }
        events.publishEvent(new EscalationRuleFired(rule.id(), rule.name(), key.ticket(), key.kind(), rule.threshold().label(),
                summary, user, notifyTeam, at));
        return true;
    }

    private boolean matches(EscalationRule rule, TicketView ticket) {
        var c = rule.conditions();
        if (!ticket.type().isSupport() || !c.priorities().isEmpty() && !c.priorities().contains(ticket.priority())) {
            return false;
        }
        if (c.organisationId() != null && c.organisationId() != ticket.organisationId().value()) {
            return false;
        }
        return c.planId() == null || customers.organisation(ticket.organisationId())
                .map(o -> o.planId().value() == c.planId()).orElse(false);
    }

    private boolean reached(EscalationRule rule, ClockKey key, Instant now) {
        if (rule.threshold().kind() != EscalationRule.Threshold.Kind.ELAPSED) {
            return true;
        }
        StoredClock clock = store.load(List.of(key.ticket())).getOrDefault(key.ticket(), List.of()).stream()
                .filter(s -> s.key().equals(key)).findFirst().orElse(null);
        if (clock == null) {
            return false;
        }
        ClockReading reading = book.read(clock, now);
        return reading.targetSeconds() > 0
                && reading.elapsedSeconds() * 100 >= (long) rule.threshold().percent() * reading.targetSeconds();
    }

    private boolean fire(EscalationRule rule, ClockKey key, Instant at, String detail) {
        return jdbc.sql("INSERT INTO escalation_firing (rule_id, ticket_id, clock_kind, fired_at, detail) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(rule.id(), key.ticket().value(), key.kind().name(), Timestamp.from(at), detail).update() == 1;
    }

    /** The priority a rule raises to from {@code current}, or null when it would not raise it. */
    static @Nullable Priority raised(@Nullable String raise, Priority current) {
        if (raise == null) {
            return null;
        }
        Priority[] all = Priority.values();
        Priority target = raise.equals(EscalationRule.Actions.ONE_LEVEL)
                ? all[Math.min(current.ordinal() + 1, all.length - 1)] : Priority.valueOf(raise);
        return target.ordinal() > current.ordinal() ? target : null;
    }

    private static String label(Priority p) {
        String name = p.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
