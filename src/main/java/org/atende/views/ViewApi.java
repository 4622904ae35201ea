package org.atende.views;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.atende.identity.Actor;
import org.atende.problems.Problem;
import org.atende.tickets.Channel;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketFilter;
import org.atende.tickets.TicketPage;
import org.atende.tickets.TicketQuery;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/views} for staff (customers get 403): saved ticket lists, and a page of one's tickets. */
@RestController
@RequestMapping("/api/v1/views")
@Tag(name = "Views", description = "Saved ticket lists: filters, order and columns, personal or shared")
class ViewApi {

    private final SavedViews views;

    ViewApi(SavedViews views) {
        this.views = views;
    }

    @Schema(description = "A view as written. `filter` has the parameters of GET /api/v1/tickets (`q`, `status`, `priority`, "
            + "`organisationId`, `assigneeId`, `teamId`, `tag`, `channel`, `type`, `overQuota`, `accountLead`, "
            + "`receivedFrom`, `receivedTo`, `sla`); `sort` one of DUE, CREATED, CREATED_DESC, UPDATED_DESC, PRIORITY, "
            + "RELEVANCE (default: RELEVANCE with words, else DUE); `scope` PERSONAL (default), TEAM (with `teamId`, "
            + "default your team) or SHARED; TEAM and SHARED are for leads and admins.")
    record ViewRequest(String name, @Nullable ViewScope scope, @Nullable Long teamId, @Nullable TicketFilter filter,
            TicketQuery.@Nullable Sort sort, @Nullable List<ViewColumn> columns) {

        ViewDraft draft() {
            return new ViewDraft(name, scope, teamId, filter, sort, columns);
        }
    }

    @Schema(description = "A view, with how many tickets it holds now (`countExact` false: at least that many)")
    record ViewJson(long id, String name, ViewScope scope, @Nullable Long teamId, long ownerId, TicketFilter filter,
            TicketQuery.Sort sort, List<ViewColumn> columns, long count, boolean countExact, Instant createdAt,
            Instant updatedAt) {

        static ViewJson of(ViewCount c) {
            SavedView v = c.view();
            return new ViewJson(v.id(), v.name(), v.scope(), v.teamId(), v.ownerId(), v.filter(), v.sort(), v.columns(),
                    c.count(), c.exact(), v.createdAt(), v.updatedAt());
        }
    }

    @Schema(description = "A ticket of a view")
    record ViewTicketJson(long id, long number, String subject, long organisationId, TicketStatus status, Priority priority,
            TicketType type, Channel channel, @Nullable Long assigneeId, @Nullable Long teamId, Set<String> tags,
            Instant receivedAt, Instant updatedAt, @Nullable Instant nextDueAt,
            @Schema(description = "With words in the filter: the best matching text, HTML-escaped, matched words in <mark>")
            @Nullable String snippet, int version) {

        static ViewTicketJson of(TicketView t, @Nullable String snippet) {
            return new ViewTicketJson(t.id().value(), t.number(), t.subject(), t.organisationId().value(), t.status(),
                    t.priority(), t.type(), t.channel(), t.assigneeId() == null ? null : t.assigneeId().value(),
                    t.teamId() == null ? null : t.teamId().value(), t.tags(), t.receivedAt(), t.updatedAt(), t.nextDueAt(),
                    snippet, t.version());
        }
    }

    @Schema(description = "A page of a view's tickets; pass `next` as `after` for the following page (null: the last)")
    record ViewPageJson(List<ViewTicketJson> items, long total, boolean totalExact, @Nullable String next) {
    }

    @Operation(summary = "List the views you may use", description = """
            Your personal views, your team's (leads and admins: every team's) and the shared ones, each with the \
            number of tickets it holds (counted at most 15 s ago; exact up to 10000).""")
    @GetMapping
    List<ViewJson> list(@AuthenticationPrincipal @Nullable Actor actor) {
        return views.counts(signedIn(actor)).stream().map(ViewJson::of).toList();
    }

    @Operation(summary = "Read a view")
    @GetMapping("/{id}")
    ViewJson get(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        Actor caller = signedIn(actor);
        SavedView v = views.get(id, caller);
        return views.counts(caller).stream().filter(c -> c.view().id() == v.id()).findFirst().map(ViewJson::of).orElseThrow();
    }

    @Operation(summary = "Save a view", description = "Problems answer 400 `invalid-view` with each in `problems`.")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    ResponseEntity<ViewJson> create(@RequestBody ViewRequest body, @AuthenticationPrincipal @Nullable Actor actor) {
        Actor caller = signedIn(actor);
        SavedView v = views.create(body.draft(), caller);
        return ResponseEntity.created(URI.create("/api/v1/views/" + v.id())).body(get(v.id(), caller));
    }

    @Operation(summary = "Change a view", description = "The whole view, as for saving it. Only its owner changes a "
            + "personal view; leads and admins team and shared ones.")
    @PutMapping("/{id}")
    ViewJson update(@PathVariable long id, @RequestBody ViewRequest body, @AuthenticationPrincipal @Nullable Actor actor) {
        Actor caller = signedIn(actor);
        views.update(id, body.draft(), caller);
        return get(id, caller);
    }

    @Operation(summary = "Delete a view")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        views.delete(id, signedIn(actor));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A page of a view's tickets", description = """
            In the view's order, `size` at a time (1–200, default 50). The answer's `next` is the cursor of the \
            following page: pass it as `after`. A cursor holds the last row's sort key, so every page costs the same.""")
    @GetMapping("/{id}/tickets")
    ViewPageJson tickets(@PathVariable long id,
            @Parameter(description = "The `next` of the page before") @RequestParam(required = false) @Nullable String after,
            @RequestParam(defaultValue = "50") int size, @AuthenticationPrincipal @Nullable Actor actor) {
        TicketPage page = views.tickets(id, after, size, signedIn(actor));
        return new ViewPageJson(page.items().stream().map(t -> ViewTicketJson.of(t, page.snippet(t.id()))).toList(),
                page.total(), page.totalExact(), page.next());
    }

    private static Actor signedIn(@Nullable Actor actor) {
        if (actor == null) {
            throw Problem.unauthorized();
        }
        return actor;
    }
}
