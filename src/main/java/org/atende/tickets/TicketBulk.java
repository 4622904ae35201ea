package org.atende.tickets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * One change applied to many tickets, for staff. Each ticket is changed in a transaction of its own through
 * the operation a single change uses ({@link Tickets#update}, {@link Tickets#merge}, {@link Tickets#markSpam}),
 * so each writes the same timeline lines and publishes the same events (the clocks, the reports and the
 * notifications follow), and a refusal of one ticket never undoes the others. The ticket's row is locked
 * first: the version checked against what the caller read is the version the change is applied to, and a
 * single change racing it either lands before (and the bulk change, if it named a version, is refused as
 * stale) or is refused itself by the ticket's version; none is lost.
 */
@Service
public class TicketBulk {

    /** The most tickets one call changes; a selection of more is refused whole, never cut. */
    public static final int LIMIT = 1000;

    private static final Logger log = LoggerFactory.getLogger(TicketBulk.class);

    private final Tickets tickets;
    private final TicketSearch search;
    private final Identity identity;
    private final JdbcClient jdbc;
    private final TransactionTemplate perTicket;

    TicketBulk(Tickets tickets, TicketSearch search, Identity identity, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.search = search;
        this.identity = identity;
        this.jdbc = jdbc;
        this.perTicket = new TransactionTemplate(transactions);
        this.perTicket.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** How many tickets the selection holds now: what a confirmation states. */
    public long count(BulkSelection selection, Actor actor) {
        staffOnly(actor);
        return selection.ids() != null ? new LinkedHashSet<>(selection.ids()).size()
                : search.matching(selection.filter(), LIMIT).total();
    }

    /** The tickets of the selection in its order, at most {@link #LIMIT}; more is refused with how many there are. */
    public List<TicketId> resolve(BulkSelection selection, Actor actor) {
        staffOnly(actor);
        if (selection.ids() != null) {
            List<TicketId> ids = List.copyOf(new LinkedHashSet<>(selection.ids()));
            if (ids.size() > LIMIT) {
                throw TicketProblems.tooManyTickets(ids.size(), LIMIT, false);
            }
            return ids;
        }
        TicketSearch.Matching found = search.matching(java.util.Objects.requireNonNull(selection.filter()), LIMIT);
        if (found.total() > LIMIT) {
            throw TicketProblems.tooManyTickets(found.total(), LIMIT, true);
        }
        return found.ids();
    }

    public BulkResult apply(BulkSelection selection, BulkChange change, Actor actor) {
        staffOnly(actor);
        check(change);
        TicketView target = change instanceof BulkChange.Merge merge ? mergeTarget(merge.into(), actor) : null;
        List<TicketId> ids = resolve(selection, actor);
        List<BulkOutcome> outcomes = new ArrayList<>(ids.size());
        for (TicketId id : ids) {
            if (target == null || !id.equals(target.id())) {
                outcomes.add(one(id, change, selection.expectedVersions().get(id), target, actor));
            }
        }
        BulkResult result = new BulkResult(outcomes, target == null ? null : tickets.get(target.id(), actor));
        log.info("Bulk {} by user {}: {} changed, {} unchanged, {} refused", change.getClass().getSimpleName(),
                actor.userId().value(), result.count(BulkOutcome.Result.CHANGED), result.count(BulkOutcome.Result.UNCHANGED),
                result.count(BulkOutcome.Result.REFUSED));
        return result;
    }

    private BulkOutcome one(TicketId id, BulkChange change, @Nullable Integer expected, @Nullable TicketView target, Actor actor) {
        Long[] number = {null};
        try {
            return perTicket.execute(tx -> {
                int current = version(id, " FOR UPDATE").orElseThrow(() -> TicketProblems.notFound("ticket " + id));
                TicketView before = tickets.get(id, actor);
                number[0] = before.number();
                if (expected != null && expected != current) {
                    throw TicketProblems.stale(before.number(), expected, current);
                }
                make(change, before, current, target, actor);
                int after = version(id, "").orElseThrow();
                return after == current ? BulkOutcome.unchanged(id, before.number(), after)
                        : BulkOutcome.changed(id, before.number(), after);
            });
        } catch (ErrorResponseException e) {
            return BulkOutcome.refused(id, number[0], e.getBody());
        } catch (ConcurrencyFailureException e) {
            return BulkOutcome.refused(id, number[0], TicketProblems.changedMeanwhile(number[0] == null ? id.value() : number[0]).getBody());
        } catch (RuntimeException e) {
            log.error("Bulk change of ticket {} failed", id.value(), e); // the others go on; the answer says which failed
            return BulkOutcome.refused(id, number[0], TicketProblems.failed().getBody());
        }
    }

    /** The single-change operation for one ticket, read as {@code before} at {@code version}; nothing for what already is so. */
    private void make(BulkChange change, TicketView before, int version, @Nullable TicketView target, Actor actor) {
        TicketId id = before.id();
        switch (change) {
            case BulkChange.Update update -> tickets.update(id, update.changes(), actor, version);
            case BulkChange.Merge merge -> {
                if (!merge.into().equals(before.mergedInto())) {
                    tickets.merge(id, java.util.Objects.requireNonNull(target).id(), actor);
                }
            }
            case BulkChange.MarkSpam spam -> {
                if (before.closedAs() != ClosedAs.SPAM) {
                    tickets.markSpam(id, actor);
                }
            }
            case BulkChange.Close close -> {
                if (before.status() != TicketStatus.CLOSED) {
                    if (before.status() != TicketStatus.RESOLVED) { // CLOSED follows only RESOLVED: resolve first
                        tickets.update(id, TicketChanges.status(TicketStatus.RESOLVED), actor, version);
                    }
                    tickets.update(id, TicketChanges.status(TicketStatus.CLOSED), actor);
                }
            }
        }
    }

    /** The ticket's version; {@code " FOR UPDATE"} locks its row to the end of the transaction. */
    private java.util.Optional<Integer> version(TicketId id, String lock) {
        return jdbc.sql("SELECT version FROM ticket WHERE id = ?" + lock).param(id.value()).query(Integer.class).optional();
    }

    /** What can be refused for every ticket at once is refused before any ticket changes. */
    private void check(BulkChange change) {
        if (change instanceof BulkChange.Update update) {
            UserId assignee = update.changes().assigneeId();
            if (assignee != null && identity.user(assignee).filter(u -> u.role().isStaff() && u.active()).isEmpty()) {
                throw TicketProblems.invalid("user " + assignee.value() + " is not an active member of staff");
            }
            TeamId team = update.changes().teamId();
            if (team != null && identity.team(team).isEmpty()) {
                throw TicketProblems.invalid("team " + team.value() + " does not exist");
            }
        }
    }

    private TicketView mergeTarget(TicketId into, Actor actor) {
        TicketView target = tickets.get(into, actor);
        if (target.status() == TicketStatus.CLOSED) {
            throw TicketProblems.mergeRefused("target-closed", "ticket #" + target.number() + " is closed; merge into an open ticket");
        }
        return target;
    }

    private static void staffOnly(Actor actor) {
        if (!actor.isStaff()) {
            throw TicketProblems.forbidden("only Customer Care staff may change tickets in bulk");
        }
    }
}
