package org.atende.channels.api;

import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

import org.atende.customers.Customers;
import org.atende.identity.Actor;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.atende.tickets.BulkChange;
import org.atende.tickets.BulkSelection;
import org.atende.tickets.TicketBulk;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketProblems;
import org.atende.tickets.TicketQuery;
import org.atende.tickets.Tickets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Many tickets changed in one call, by staff: each ticket on its own, each with its outcome. */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketBulkApi {

    private final TicketBulk bulk;
    private final Tickets tickets;
    private final Customers customers;

    TicketBulkApi(TicketBulk bulk, Tickets tickets, Customers customers) {
        this.bulk = bulk;
        this.tickets = tickets;
        this.customers = customers;
    }

    @Operation(summary = "Change many tickets at once (staff)", description = """
            Names up to 1000 tickets by `ids`, or by a `filter` with the query parameters of GET /api/v1/tickets (a filter \
            matching more is refused with `too-many-tickets` and the count, never cut). Each ticket is changed in its own \
            transaction by the operation a single change uses: the same timeline lines and events, and a refusal never \
            undoes the others. Each result is CHANGED, UNCHANGED (nothing to do) or REFUSED with its problem \
            (`illegal-transition` with `allowed`, `stale`, `not-found`, `merge-refused`, `invalid-request`). CLOSE resolves \
            a ticket not yet resolved, then closes it. Customers get 403.""")
    @ApiResponse(responseCode = "200", description = "Every ticket's outcome, in the selection's order")
    @PostMapping("/bulk")
    BulkAnswer bulk(@Valid @RequestBody BulkRequest body, @AuthenticationPrincipal Actor actor) {
        if (!actor.isStaff()) {
            throw TicketProblems.forbidden("only Customer Care staff may change tickets in bulk");
        }
        BulkSelection selection = selection(body, actor);
        return BulkAnswer.of(body.action(), bulk.apply(selection, change(body, actor), actor));
    }

    private BulkSelection selection(BulkRequest body, Actor actor) {
        Map<TicketId, Integer> versions = body.expectedVersions() == null ? Map.of() : body.expectedVersions().entrySet()
                .stream().collect(Collectors.toMap(e -> new TicketId(e.getKey()), Map.Entry::getValue));
        if (body.ids() != null && body.filter() != null || body.ids() == null && body.filter() == null) {
            throw TicketProblems.invalid("give either ids or filter");
        }
        if (body.ids() != null) {
            return new BulkSelection(body.ids().stream().map(TicketId::new).toList(), null, versions);
        }
        TicketQuery query = body.filter().query(TicketQuery.Sort.DUE, 0, 1, customers, actor);
        return new BulkSelection(null, query, versions);
    }

    private BulkChange change(BulkRequest body, Actor actor) {
        if (body.action() != BulkRequest.Action.UPDATE && body.change() != null) {
            throw TicketProblems.invalid("change is for UPDATE only; " + body.action() + " takes none");
        }
        if (body.action() != BulkRequest.Action.MERGE && (body.intoTicketId() != null || body.intoNumber() != null)) {
            throw TicketProblems.invalid("intoTicketId and intoNumber are for MERGE only");
        }
        return switch (body.action()) {
            case UPDATE -> {
                BulkRequest.Change c = body.change();
                if (c == null) {
                    throw TicketProblems.invalid("UPDATE needs a change");
                }
                if (Boolean.TRUE.equals(c.unassign()) && c.assigneeId() != null) {
                    throw TicketProblems.invalid("give assigneeId or unassign, not both");
                }
                yield new BulkChange.Update(new TicketChanges(c.priority(), c.type(), c.category(), c.status(),
                        c.assigneeId() == null ? null : new UserId(c.assigneeId()), Boolean.TRUE.equals(c.unassign()),
                        c.teamId() == null ? null : new TeamId(c.teamId()), null, c.addTags(), c.removeTags()));
            }
            case MERGE -> {
                if ((body.intoTicketId() == null) == (body.intoNumber() == null)) {
                    throw TicketProblems.invalid("MERGE needs intoTicketId or intoNumber, one of the two");
                }
                yield new BulkChange.Merge(body.intoTicketId() != null ? new TicketId(body.intoTicketId())
                        : tickets.getByNumber(body.intoNumber(), actor).id());
            }
            case SPAM -> new BulkChange.MarkSpam();
            case CLOSE -> new BulkChange.Close();
        };
    }
}
