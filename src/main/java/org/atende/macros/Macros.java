package org.atende.macros;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.atende.problems.Problem;
import org.atende.tickets.MessageView;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's macros: kept, searched and applied. Applying one is a public reply (its text in the ticket's
 * language, placeholders filled) and a change of the ticket, in one transaction through the tickets facade:
 * the reply and each changed field are timeline lines, and the events are those of a manual reply and change.
 * A macro another user may not see is "not found" to them; one they see but may not change is forbidden.
 */
@Service
@Transactional
public class Macros {

    /** The most macros the picker offers at once. */
    public static final int PICKER_SIZE = 20;

    private final MacroStore store;
    private final MacroChecks checks;
    private final MacroPreviews previews;
    private final Tickets tickets;
    private final Identity identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Macros(MacroStore store, MacroChecks checks, MacroPreviews previews, Tickets tickets, Identity identity,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.checks = checks;
        this.previews = previews;
        this.tickets = tickets;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** The macros the actor sees whose name holds {@code query} (case and accents aside), by name. */
    @Transactional(readOnly = true)
    public List<MacroView> list(Actor actor, @Nullable String query, @Nullable MacroScope scope) {
        staffOnly(actor);
        String wanted = query == null ? "" : fold(query.strip());
        return visible(actor).stream().filter(m -> scope == null || m.scope() == scope)
                .filter(m -> wanted.isEmpty() || fold(m.name()).contains(wanted)).toList();
    }

    /** What the picker offers for {@code query}: the most used first, at most {@link #PICKER_SIZE}. */
    @Transactional(readOnly = true)
    public List<MacroView> pick(Actor actor, @Nullable String query) {
        return list(actor, query, null).stream()
                .sorted(Comparator.comparingLong(MacroView::useCount).reversed().thenComparing(m -> fold(m.name())))
                .limit(PICKER_SIZE).toList();
    }

    @Transactional(readOnly = true)
    public MacroView get(MacroId id, Actor actor) {
        staffOnly(actor);
        return store.find(id.value()).filter(m -> MacroRules.maySee(m, actor, teamOf(actor)))
                .orElseThrow(() -> Problem.notFound("macro " + id.value() + " was not found"));
    }

    /** May {@code actor} change this macro (edit, delete)? */
    public boolean mayChange(MacroView macro, Actor actor) {
        return MacroRules.mayWrite(macro, actor);
    }

    /** May {@code actor} create macros of {@code scope}? */
    public boolean mayCreate(MacroScope scope, Actor actor) {
        return MacroRules.mayWrite(scope, actor.userId().value(), actor);
    }

    public MacroOutcome create(MacroDraft draft, Actor actor) {
        staffOnly(actor);
        if (!mayCreate(draft.scope(), actor)) {
            throw Problem.forbidden(forbidden(draft.scope()));
        }
        List<MacroProblem> problems = checks.problems(draft);
        if (!problems.isEmpty()) {
            return new MacroOutcome.Rejected(problems);
        }
        Long owner = draft.scope() == MacroScope.PERSONAL ? actor.userId().value() : null;
        long id = store.insert(MacroChecks.normalised(draft), owner, actor.userId().value(), clock.instant());
        return new MacroOutcome.Saved(store.find(id).orElseThrow());
    }

    /** Rewrites a macro; with {@code version}, only if nobody changed it since that version (409 otherwise). */
    public MacroOutcome update(MacroId id, MacroDraft draft, @Nullable Integer version, Actor actor) {
        MacroView current = get(id, actor);
        if (!MacroRules.mayWrite(current, actor)) {
            throw Problem.forbidden(forbidden(current.scope()));
        }
        // a personal macro stays its owner's; another scope has no owner
        Long owner = draft.scope() == MacroScope.PERSONAL
                ? (current.scope() == MacroScope.PERSONAL ? current.ownerId() : actor.userId().value()) : null;
        if (!MacroRules.mayWrite(draft.scope(), owner, actor)) {
            throw Problem.forbidden(forbidden(draft.scope()));
        }
        List<MacroProblem> problems = checks.problems(draft);
        if (!problems.isEmpty()) {
            return new MacroOutcome.Rejected(problems);
        }
        int expected = version == null ? current.version() : version;
        if (!store.update(current.id(), expected, MacroChecks.normalised(draft), owner, clock.instant())) {
            throw stale(current, expected);
        }
        return new MacroOutcome.Saved(store.find(current.id()).orElseThrow());
    }

    public void delete(MacroId id, Actor actor) {
        MacroView current = get(id, actor);
        if (!MacroRules.mayWrite(current, actor)) {
            throw Problem.forbidden(forbidden(current.scope()));
        }
        store.delete(current.id());
    }

    /** What applying the macro to the ticket would send and change, without doing it. */
    @Transactional(readOnly = true)
    public MacroPreview preview(TicketId ticket, MacroId macro, Actor actor) {
        MacroView m = get(macro, actor);
        return previews.of(tickets.get(ticket, actor), m, actor, clock.instant());
    }

    /**
     * Applies the macro: {@code body}, when given, is the reply as the agent edited it (placeholders in it are
     * filled too), else the macro's own; {@code expectedVersion}, when given, is the ticket's version the preview
     * was made on, and a ticket changed since is refused (409 {@code stale}) with nothing done.
     */
    public MacroApplication apply(TicketId ticketId, MacroId macroId, @Nullable String body, @Nullable Integer expectedVersion,
            Actor actor) {
        MacroView macro = get(macroId, actor);
        TicketView t = tickets.get(ticketId, actor);
        if (expectedVersion != null && expectedVersion != t.version()) {
            throw Problem.of(HttpStatus.CONFLICT, "stale", "Changed since it was read", "ticket #" + t.number()
                    + " was changed by someone else (version " + t.version() + ", not " + expectedVersion + "); read it again");
        }
        Instant now = clock.instant();
        MacroPreview preview = previews.of(t, macro, actor, now);
        String reply = body == null || body.isBlank() ? preview.body() : previews.edited(body, t, actor, preview, now);
        MacroActions a = macro.actions();
        assignable(a);
        tickets.recordOnTimeline(t.id(), new TimelineEntry(now, actor.userId(), actor.name(), "MACRO_APPLIED", "macro", null,
                macro.name(), "macro " + macro.id() + (preview.language() == null ? "" : ", reply in "
                        + preview.language().name().toLowerCase(Locale.ROOT))));
        MessageView message = reply == null ? null
                : tickets.reply(t.id(), new Reply(reply, false, a.status(), t.channel()), actor);
        UserId assignee = a.assignToSelf() ? actor.userId() : a.assigneeId() == null ? null : new UserId(a.assigneeId());
        TicketChanges changes = new TicketChanges(a.priority(), a.type(), null, message == null ? a.status() : null, assignee,
                false, a.teamId() == null ? null : new TeamId(a.teamId()), null, a.addTags(), a.removeTags());
        if (!changes.isEmpty()) {
            tickets.update(t.id(), changes, actor);
        }
        store.countUse(macro.id());
        events.publishEvent(new MacroApplied(macro.id(), macro.name(), macro.scope(), t.id(), t.organisationId(),
                actor.userId(), now));
        return new MacroApplication(preview.withBody(reply), message, tickets.get(t.id(), actor));
    }

    /** An assignee or team that was fine when the macro was saved may be gone since: refused, nothing done. */
    private void assignable(MacroActions a) {
        if (a.assigneeId() != null && identity.user(new UserId(a.assigneeId())).filter(u -> u.active() && u.role().isStaff()).isEmpty()) {
            throw Problem.of(HttpStatus.CONFLICT, "macro-not-applicable", "Macro cannot be applied",
                    "the macro assigns to user " + a.assigneeId() + ", who is no longer an active member of staff; edit the macro");
        }
        if (a.teamId() != null && identity.team(new TeamId(a.teamId())).isEmpty()) {
            throw Problem.of(HttpStatus.CONFLICT, "macro-not-applicable", "Macro cannot be applied",
                    "the macro moves the ticket to team " + a.teamId() + ", which no longer exists; edit the macro");
        }
    }

    private List<MacroView> visible(Actor actor) {
        if (actor.role() == Role.ADMIN) {
            return store.visible(null, null);
        }
        Long team = teamOf(actor);
        return store.visible(actor.userId().value(), actor.hasAtLeast(Role.LEAD) ? null : team == null ? Set.of() : Set.of(team));
    }

    private @Nullable Long teamOf(Actor actor) {
        return identity.user(actor.userId()).map(UserSummary::teamId).map(TeamId::value).orElse(null);
    }

    private static org.springframework.web.ErrorResponseException stale(MacroView current, int expected) {
        return Problem.of(HttpStatus.CONFLICT, "stale", "Changed since it was read", "macro " + current.id()
                + " was changed by someone else since version " + expected + "; read it again");
    }

    private static String forbidden(MacroScope scope) {
        return switch (scope) {
            case PERSONAL -> "a personal macro is changed by its owner or an admin";
            case TEAM, SHARED -> "team and shared macros are changed by leads and admins";
        };
    }

    private static void staffOnly(Actor actor) {
        if (!actor.isStaff()) {
            throw Problem.forbidden("macros are for Customer Care staff");
        }
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
