package org.atende.macros;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.problems.Problem;
import org.atende.tickets.MessageView;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/macros} for staff (customers get 403): list and search, read, create, change, delete; and
 * {@code /api/v1/tickets/{id}/macros/{macroId}} to apply one, or with {@code preview=true} to see what it would do.
 */
@RestController
@Tag(name = "Macros", description = "Canned replies with actions")
class MacroApi {

    static final String INVALID = "invalid-macro";

    private final Macros macros;

    MacroApi(Macros macros) {
        this.macros = macros;
    }

    /** A macro as written in a call; {@code version}, on a change, is the one it was read at. */
    record MacroRequest(String name, @Nullable MacroScope scope, @Nullable Long teamId, @Nullable MacroTexts texts,
            @Nullable ActionsRequest actions, @Nullable Integer version) {

        MacroDraft draft() {
            return new MacroDraft(name, scope, teamId, texts, actions == null ? MacroActions.NONE : actions.actions());
        }
    }

    /** The actions as written: any of them left out leaves that field of the ticket as it is. */
    record ActionsRequest(@Nullable TicketStatus status, @Nullable Priority priority, @Nullable TicketType type,
            @Nullable Set<String> addTags, @Nullable Set<String> removeTags, @Nullable Long teamId, @Nullable Long assigneeId,
            @Nullable Boolean assignToSelf) {

        MacroActions actions() {
            return new MacroActions(status, priority, type, addTags, removeTags, teamId, assigneeId, Boolean.TRUE.equals(assignToSelf));
        }
    }

    /** The reply as the agent edited it (placeholders are filled in it too), and the ticket's version it was read at. */
    record ApplyRequest(@Nullable String body, @Nullable Integer version) {
    }

    /** What a macro sends and changes; {@code applied} false for a preview, which has no {@code message}. */
    record ApplyAnswer(long macroId, String macroName, long ticketId, Language ticketLanguage, @Nullable Language language,
            boolean fallback, @Nullable String body, List<MacroChange> changes, boolean applied, @Nullable MessageView message,
            int ticketVersion) {

        static ApplyAnswer of(MacroPreview p, @Nullable MessageView message, boolean applied, int version) {
            return new ApplyAnswer(p.macroId(), p.macroName(), p.ticketId().value(), p.ticketLanguage(), p.language(),
                    p.fallback(), p.body(), p.changes(), applied, message, version);
        }
    }

    @Operation(summary = "List the macros you may use", description = """
            Shared macros, your team's (leads and admins: every team's) and your personal ones (admins: everyone's), \
            by name. `q` keeps those whose name holds it, ignoring case and accents; `scope` one scope.""")
    @GetMapping("/api/v1/macros")
    List<MacroView> list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable MacroScope scope,
            @AuthenticationPrincipal @Nullable Actor actor) {
        return macros.list(signedIn(actor), q, scope);
    }

    @Operation(summary = "Read a macro")
    @GetMapping("/api/v1/macros/{id}")
    MacroView get(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        return macros.get(new MacroId(id), signedIn(actor));
    }

    @Operation(summary = "Create a macro", description = """
            `scope` PERSONAL (the default; yours), TEAM (with `teamId`; leads and admins) or SHARED (leads and admins). \
            `texts` has `es`, `pt` and `en`, each optional, with placeholders such as {{contact.firstName}}; `actions` \
            `status`, `priority`, `type`, `addTags`, `removeTags`, `teamId`, `assigneeId` or `assignToSelf`. A macro \
            has a text or an action. Problems answer 400 `invalid-macro` with every problem in `problems`, each \
            field in `errors` and each unknown placeholder in `unknownPlaceholders`.""")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping("/api/v1/macros")
    ResponseEntity<MacroView> create(@RequestBody MacroRequest body, @AuthenticationPrincipal @Nullable Actor actor) {
        MacroView created = saved(macros.create(body.draft(), signedIn(actor)));
        return ResponseEntity.created(URI.create("/api/v1/macros/" + created.id())).body(created);
    }

    @Operation(summary = "Change a macro", description = """
            The whole macro, as for creating it. With `version`, refused with 409 `stale` if someone changed it since.""")
    @PutMapping("/api/v1/macros/{id}")
    MacroView update(@PathVariable long id, @RequestBody MacroRequest body, @AuthenticationPrincipal @Nullable Actor actor) {
        return saved(macros.update(new MacroId(id), body.draft(), body.version(), signedIn(actor)));
    }

    @Operation(summary = "Delete a macro")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/api/v1/macros/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        macros.delete(new MacroId(id), signedIn(actor));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Apply a macro to a ticket, or preview it", description = """
            Sends the macro's reply in the ticket's language (its requester's, else its organisation's; without a \
            text in it: English, then Portuguese, then Spanish) with the placeholders filled, and makes its changes, \
            together: one timeline line per change, the events of a manual reply and change. `body` replaces the \
            reply (as the agent edited it); `version` refuses the call with 409 `stale` if the ticket changed since. \
            With `preview=true` nothing is done: the answer says what would be sent and changed.""")
    @PostMapping("/api/v1/tickets/{id}/macros/{macroId}")
    ApplyAnswer apply(@PathVariable long id, @PathVariable long macroId,
            @Parameter(description = "true: only say what it would do") @RequestParam(defaultValue = "false") boolean preview,
            @RequestBody(required = false) @Nullable ApplyRequest body, @AuthenticationPrincipal @Nullable Actor actor) {
        Actor caller = signedIn(actor);
        if (preview) {
            MacroPreview p = macros.preview(new TicketId(id), new MacroId(macroId), caller);
            return ApplyAnswer.of(p, null, false, p.ticketVersion());
        }
        MacroApplication done = macros.apply(new TicketId(id), new MacroId(macroId), body == null ? null : body.body(),
                body == null ? null : body.version(), caller);
        return ApplyAnswer.of(done.applied(), done.message(), true, done.ticket().version());
    }

    private static MacroView saved(MacroOutcome outcome) {
        return switch (outcome) {
            case MacroOutcome.Saved saved -> saved.macro();
            case MacroOutcome.Rejected rejected -> throw invalid(rejected);
        };
    }

    static ErrorResponseException invalid(MacroOutcome.Rejected rejected) {
        ErrorResponseException e = Problem.invalid(INVALID, "Invalid macro",
                rejected.problems().stream().map(MacroProblem::message).toList());
        e.getBody().setProperty("errors", rejected.problems().stream()
                .map(p -> java.util.Map.of("field", p.field(), "code", p.code(), "message", p.message())).toList());
        e.getBody().setProperty("unknownPlaceholders", rejected.unknownPlaceholders());
        return e;
    }

    private static Actor signedIn(@Nullable Actor actor) {
        if (actor == null) {
            throw Problem.unauthorized();
        }
        return actor;
    }
}
