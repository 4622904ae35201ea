package org.atende.channels.api;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;

import org.atende.customers.ContactId;
import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.atende.sla.SlaClocks;
import org.atende.sla.TicketClocks;
import org.atende.tickets.AttachmentContent;
import org.atende.tickets.AttachmentView;
import org.atende.tickets.Attachments;
import org.atende.tickets.Channel;
import org.atende.tickets.EscalationView;
import org.atende.tickets.MessageView;
import org.atende.tickets.NewFile;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Previews;
import org.atende.tickets.Priority;
import org.atende.tickets.Reply;
import org.atende.tickets.SlaRisk;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketFilter;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketPage;
import org.atende.tickets.TicketProblems;
import org.atende.tickets.TicketQuery;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEventView;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tickets for the vendor's apps and integrations. A customer's token reaches its own organisation's
 * tickets only (any other answers 404); staff reach all. Every ticket carries its SLA clocks.
 */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketApi {

    private final Tickets tickets;
    private final Attachments attachments;
    private final SlaClocks clocks;
    private final Customers customers;
    private final Clock clock;
    private final Previews previews;
    private final TransactionTemplate transactions;

    TicketApi(Tickets tickets, Attachments attachments, SlaClocks clocks, Customers customers, Clock clock, Previews previews,
            PlatformTransactionManager transactions) {
        this.previews = previews;
        this.transactions = new TransactionTemplate(transactions);
        this.tickets = tickets;
        this.customers = customers;
        this.attachments = attachments;
        this.clocks = clocks;
        this.clock = clock;
    }

    /** Opens the ticket and reads its clocks for the answer in one transaction. */
    @PostMapping
    ResponseEntity<TicketJson> open(@Valid @RequestBody TicketRequests.Open body, @AuthenticationPrincipal Actor actor) {
        // a token says where it is used: the vendor's app (an APP token) or an integration (the default)
        if (body.channel() == Channel.DESK) {
            // DESK marks what staff write in the desk's pages; no request comes in there
            throw TicketProblems.invalid("channel DESK is not one a ticket is opened on; leave channel out or name where the request came in");
        }
        Channel channel = body.channel() != null ? body.channel() : actor.viaApp() ? Channel.APP : Channel.API;
        TicketJson t = transactions.execute(status -> json(tickets.open(new OpenTicket(
                body.organisationId() == null ? null : new OrganisationId(body.organisationId()),
                body.requesterContactId() == null ? null : new ContactId(body.requesterContactId()),
                channel, body.subject(), body.body(), body.type(), body.category(), body.suggestedPriority(),
                body.tags() == null ? Set.of() : body.tags()), actor)));
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + t.id())).body(t);
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "List and search tickets", description = """
            The filters combine; `q` searches words in the ticket number, subject, messages (staff: internal notes too; \
            customers: public text of their organisation's tickets only), requester name, e-mail and phone, and \
            organisation name, without accents and by stem in the ticket's language (pt, es, en): every word must \
            match, `-word` excludes, and on PostgreSQL `"a phrase"` and `or` work too. With words the default order \
            is relevance and each ticket carries a `snippet` (HTML-escaped, matches in <mark>). `tag` takes one tag \
            or several (repeated or comma-separated), all required; `sla` BREACHED, AT_RISK (due within 2 h) or \
            SOON (either); `unassigned=true` tickets nobody holds. Pages: pass the answer's `next` as `after`; \
            `total` is exact up to 10000 (`totalExact`).""")
    @GetMapping
    PageJson list(@RequestParam(required = false) Set<TicketStatus> status,
            @RequestParam(required = false) Set<Priority> priority,
            @RequestParam(required = false) @Nullable Long organisationId,
            @RequestParam(required = false) @Nullable Long assigneeId,
            @RequestParam(required = false) @Nullable Long teamId,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable Channel channel,
            @RequestParam(required = false) @Nullable TicketType type,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Boolean overQuota,
            @RequestParam(required = false) @Nullable String accountLead,
            @RequestParam(required = false) @Nullable Instant receivedFrom,
            @RequestParam(required = false) @Nullable Instant receivedTo,
            @RequestParam(required = false) @Nullable SlaRisk sla,
            @RequestParam(required = false) @Nullable Boolean unassigned,
            @RequestParam(defaultValue = "") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) @Nullable String after,
            @AuthenticationPrincipal Actor actor) {
        TicketFilter filter = new TicketFilter(status, priority, organisationId, assigneeId, teamId, tag, channel, type, q,
                overQuota, accountLead, receivedFrom, receivedTo, sla, unassigned);
        TicketQuery query = filter.query(sort(sort, q), page, size, customers, actor);
        return page(tickets.list(after == null || after.isBlank() ? query : query.from(after, size), actor), clocks, now());
    }

    /** A page as the API answers it: each ticket with its clocks (and its snippet in a search), and the cursor onwards. */
    static PageJson page(TicketPage found, SlaClocks clocks, Instant now) {
        Map<TicketId, TicketClocks> read = clocks.clocksOf(found.items().stream().map(TicketView::id).toList(), now);
        return new PageJson(found.items().stream().map(t -> TicketJson.of(t, read.getOrDefault(t.id(), TicketClocks.NONE),
                found.snippet(t.id()))).toList(), found.page(), found.size(), found.total(), found.totalExact(), found.next());
    }

    @io.swagger.v3.oas.annotations.media.Schema(description = "A page of tickets. `total` is exact when `totalExact`; "
            + "above 10000 it says 10000 and `totalExact` is false. Pass `next` as `after` for the following page.")
    record PageJson(List<TicketJson> items, int page, int size, long total, boolean totalExact, @Nullable String next) {
    }

    @GetMapping("/{id}")
    TicketJson get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
        return json(tickets.get(new TicketId(id), actor));
    }

    @GetMapping("/by-number/{number}")
    TicketJson byNumber(@PathVariable long number, @AuthenticationPrincipal Actor actor) {
        return json(tickets.getByNumber(number, actor));
    }

    @PatchMapping("/{id}")
    TicketJson update(@PathVariable long id, @Valid @RequestBody TicketRequests.Update body, @AuthenticationPrincipal Actor actor) {
        return json(tickets.update(new TicketId(id), new TicketChanges(body.priority(), body.type(), body.category(),
                body.status(), body.assigneeId() == null ? null : new UserId(body.assigneeId()),
                Boolean.TRUE.equals(body.unassign()), body.teamId() == null ? null : new TeamId(body.teamId()),
                body.tags()), actor));
    }

    /** Closes a ticket as spam: its quota unit is given back and its clocks stop. Staff only. */
    @PostMapping("/{id}/spam")
    TicketJson spam(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
        return json(tickets.markSpam(new TicketId(id), actor));
    }

    /** Merges this ticket, a duplicate, into another ticket of the same organisation. Staff only. */
    @PostMapping("/{id}/merge")
    TicketJson merge(@PathVariable long id, @Valid @RequestBody TicketRequests.Merge body, @AuthenticationPrincipal Actor actor) {
        return json(tickets.merge(new TicketId(id), new TicketId(body.intoTicketId()), actor));
    }

    @PostMapping("/{id}/escalations")
    ResponseEntity<TicketJson> escalate(@PathVariable long id, @Valid @RequestBody TicketRequests.Escalate body,
            @AuthenticationPrincipal Actor actor) {
        TicketView t = tickets.escalate(new TicketId(id), new TeamId(body.teamId()), body.reason(), actor);
        return ResponseEntity.status(201).body(json(t));
    }

    @GetMapping("/{id}/escalations")
    List<EscalationView> escalations(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
        return tickets.escalations(new TicketId(id), actor);
    }

    /**
     * A message with its files in one request ({@code multipart/form-data}: {@code body}, optional {@code internal}
     * and {@code status}, and any number of {@code files} parts). All or nothing: a file the attachment rules refuse
     * (size, type) leaves no message. An agent's public files go out with the message on the customer's channel; a
     * note's files are for staff only.
     */
    @PostMapping(path = "/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MessageWithFiles> replyWithFiles(@PathVariable long id, @RequestParam String body,
            @RequestParam(required = false) @Nullable Boolean internal, @RequestParam(required = false) @Nullable TicketStatus status,
            @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files,
            @AuthenticationPrincipal Actor actor) {
        if (body.isBlank() || body.length() > 100_000) {
            throw TicketProblems.invalid("body must have 1 to 100000 characters");
        }
        TicketId ticket = new TicketId(id);
        MessageView m = tickets.reply(ticket, new Reply(body, Boolean.TRUE.equals(internal), status, null), NewFile.of(files), actor);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/messages/" + m.id()))
                .body(new MessageWithFiles(m, attachments.of(ticket, actor).stream()
                        .filter(a -> a.messageId() != null && a.messageId() == m.id()).toList()));
    }

    /** A message and the files kept with it. */
    record MessageWithFiles(MessageView message, List<AttachmentView> attachments) {
    }

    @PostMapping(path = "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MessageView> reply(@PathVariable long id, @Valid @RequestBody TicketRequests.Message body,
            @AuthenticationPrincipal Actor actor) {
        MessageView m = tickets.reply(new TicketId(id),
                new Reply(body.body(), Boolean.TRUE.equals(body.internal()), body.status(), null), actor);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/messages/" + m.id())).body(m);
    }

    @GetMapping("/{id}/messages")
    List<MessageView> messages(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
        return tickets.messages(new TicketId(id), actor);
    }

    @GetMapping("/{id}/timeline")
    List<TimelineEventView> timeline(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
        return tickets.timeline(new TicketId(id), actor);
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentView> attach(@PathVariable long id, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Nullable Long messageId, @AuthenticationPrincipal Actor actor) throws IOException {
        String type = file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType();
        AttachmentView a = attachments.attach(new TicketId(id), messageId,
                file.getOriginalFilename() == null ? "attachment" : file.getOriginalFilename(), type, file.getBytes(), actor);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/attachments/" + a.id())).body(a);
    }

    @GetMapping("/{id}/attachments")
    List<AttachmentView> attachments(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
        return attachments.of(new TicketId(id), actor);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId, @AuthenticationPrincipal Actor actor) {
        AttachmentContent a = attachments.download(new TicketId(id), attachmentId, actor);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.attachment().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(a.attachment().filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(a.content());
    }

    /**
     * A picture of an image or of a PDF's first page, drawn by the desk (PNG or JPEG, at most {@code size} pixels
     * on the longer side, 64 to 1600); 404 for other files and for files it cannot draw.
     */
    @GetMapping("/{id}/attachments/{attachmentId}/preview")
    ResponseEntity<byte[]> preview(@PathVariable long id, @PathVariable long attachmentId,
            @RequestParam(defaultValue = "320") int size, @AuthenticationPrincipal Actor actor) {
        AttachmentContent a = attachments.download(new TicketId(id), attachmentId, actor);
        return previews.picture(a, Math.clamp(size, 64, Previews.VIEW)).map(p -> Previews.response(p, a.attachment().filename()))
                .orElseThrow(() -> TicketProblems.notFound("preview of attachment " + attachmentId));
    }

    private TicketJson json(TicketView t) {
        return TicketJson.of(t, clocks.clocksOf(t.id(), now()));
    }

    private Instant now() {
        return clock.instant();
    }

    /** The list's order: as asked, else by relevance when it searches words and by due time when not. */
    static TicketQuery.Sort sort(String sort, @Nullable String q) {
        if (sort.isBlank()) {
            return q == null || q.isBlank() ? TicketQuery.Sort.DUE : TicketQuery.Sort.RELEVANCE;
        }
        return sort(sort);
    }

    static TicketQuery.Sort sort(String sort) {
        return switch (sort.toLowerCase(Locale.ROOT)) {
            case "relevance" -> TicketQuery.Sort.RELEVANCE;
            case "due" -> TicketQuery.Sort.DUE;
            case "created" -> TicketQuery.Sort.CREATED;
            case "-created" -> TicketQuery.Sort.CREATED_DESC;
            case "-updated" -> TicketQuery.Sort.UPDATED_DESC;
            case "priority" -> TicketQuery.Sort.PRIORITY;
            default -> throw TicketProblems.invalid("sort must be one of due, created, -created, -updated, priority, relevance");
        };
    }
}
