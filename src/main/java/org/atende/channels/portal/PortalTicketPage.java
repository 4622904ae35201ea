package org.atende.channels.portal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.atende.channels.ChannelStates;
import org.atende.customers.Customers;
import org.atende.customers.DeskNames;
import org.atende.identity.Actor;
import org.atende.sla.ClockView;
import org.atende.sla.PromiseWording;
import org.atende.sla.SlaClocks;
import org.atende.techservice.QuoteId;
import org.atende.techservice.QuoteView;
import org.atende.techservice.Quotes;
import org.atende.tickets.AttachmentContent;
import org.atende.tickets.AttachmentView;
import org.atende.tickets.Attachments;
import org.atende.tickets.Channel;
import org.atende.tickets.MessageKind;
import org.atende.tickets.MessageView;
import org.atende.tickets.Previews;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketProblems;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * One ticket in the portal: its public conversation (never internal notes), its files, its status and
 * first-response clock in the customer's words, a reply with files, and a technical-service ticket's
 * quotes to accept or reject. A ticket number of another organisation is "not found" on every URL here.
 */
@Controller
class PortalTicketPage {

    private final Tickets tickets;
    private final Attachments attachments;
    private final Quotes quotes;
    private final SlaClocks clocks;
    private final Customers customers;
    private final PortalDates dates;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Previews previews;
    private final DeskNames deskNames;
    private final ChannelStates channels;

    PortalTicketPage(Tickets tickets, Attachments attachments, Quotes quotes, SlaClocks clocks, Customers customers,
            PortalDates dates, MessageSource messages, PlatformTransactionManager transactions, Clock clock, Previews previews,
            DeskNames deskNames, ChannelStates channels) {
        this.channels = channels;
        this.previews = previews;
        this.deskNames = deskNames;
        this.tickets = tickets;
        this.attachments = attachments;
        this.quotes = quotes;
        this.clocks = clocks;
        this.customers = customers;
        this.dates = dates;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A message with who wrote it, as the customer reads it, and its files. */
    record Entry(MessageView message, String author, boolean fromCustomer, List<AttachmentView> files) {
    }

    @GetMapping("/portal/tickets/{number:\\d+}")
    String show(@AuthenticationPrincipal Actor actor, @PathVariable long number, Model model, Locale locale) {
        TicketView ticket = ticket(number, actor);
        List<AttachmentView> files = attachments.of(ticket.id(), actor);
        Map<Long, List<AttachmentView>> byMessage = files.stream().filter(a -> a.messageId() != null)
                .collect(Collectors.groupingBy(AttachmentView::messageId));
        List<Entry> conversation = tickets.messages(ticket.id(), actor).stream()
                .filter(m -> m.kind().isPublic()) // the facade leaves notes out for customers; never show one here
                .map(m -> new Entry(m, author(m, locale), m.kind() == MessageKind.CUSTOMER,
                        byMessage.getOrDefault(m.id(), List.of())))
                .toList();
        model.addAttribute("ticket", ticket);
        // e-mail answers are promised only while mail goes out; otherwise answers appear here, on the portal
        model.addAttribute("mailGoesOut", channels.mailGoesOut());
        model.addAttribute("conversation", conversation);
        model.addAttribute("looseFiles", files.stream().filter(a -> a.messageId() == null).toList());
        model.addAttribute("firstResponse", firstResponse(ticket, locale));
        model.addAttribute("canReply", ticket.status() != TicketStatus.CLOSED);
        model.addAttribute("quotes", ticket.type() == TicketType.TECHNICAL_SERVICE ? quotes.ofTicket(ticket.id(), actor) : List.of());
        return "portal/ticket";
    }

    @PostMapping("/portal/tickets/{number:\\d+}/reply")
    String reply(@AuthenticationPrincipal Actor actor, @PathVariable long number, @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model, Locale locale) {
        TicketView ticket = ticket(number, actor);
        if (body.isBlank()) {
            model.addAttribute("replyError", messages.getMessage("portal.reply.empty", null, locale));
            return show(actor, number, model, locale);
        }
        try {
            transactions.executeWithoutResult(tx -> {
                MessageView m = tickets.reply(ticket.id(), new Reply(body, false, null, Channel.PORTAL), actor);
                for (MultipartFile file : PortalFiles.present(files)) {
                    attachments.attach(ticket.id(), m.id(), PortalFiles.name(file), PortalFiles.type(file),
                            PortalFiles.bytes(file), actor);
                }
            });
        } catch (ErrorResponseException refused) {
            if (refused.getStatusCode().value() == 404) {
                throw refused;
            }
            model.addAttribute("replyError", PortalFiles.reason(refused, messages, locale));
            model.addAttribute("replyBody", body);
            return show(actor, number, model, locale);
        }
        return "redirect:/portal/tickets/" + number + "?sent#latest";
    }

    @GetMapping("/portal/tickets/{number:\\d+}/attachments/{id:\\d+}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal Actor actor, @PathVariable long number, @PathVariable long id) {
        TicketView ticket = ticket(number, actor);
        AttachmentContent file = attachments.download(ticket.id(), id, actor);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.attachment().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.attachment().filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }

    /** A small picture of an image or of a PDF's first page, drawn by the desk; 404 when it has none. */
    @GetMapping("/portal/tickets/{number:\\d+}/attachments/{id:\\d+}/preview")
    ResponseEntity<byte[]> preview(@AuthenticationPrincipal Actor actor, @PathVariable long number, @PathVariable long id) {
        return picture(number, id, Previews.THUMBNAIL, actor);
    }

    /** The larger view: an image drawn again by the desk, a PDF in the browser's viewer. */
    @GetMapping("/portal/tickets/{number:\\d+}/attachments/{id:\\d+}/view")
    ResponseEntity<byte[]> view(@AuthenticationPrincipal Actor actor, @PathVariable long number, @PathVariable long id) {
        AttachmentContent file = attachments.download(ticket(number, actor).id(), id, actor);
        return previews.isPdf(file.attachment()) ? Previews.pdf(file) : picture(number, id, Previews.VIEW, actor);
    }

    private ResponseEntity<byte[]> picture(long number, long id, int side, Actor actor) {
        AttachmentContent file = attachments.download(ticket(number, actor).id(), id, actor);
        return previews.picture(file, side).map(p -> Previews.response(p, file.attachment().filename()))
                .orElseThrow(() -> TicketProblems.notFound("preview of attachment " + id));
    }

    @PostMapping("/portal/tickets/{number:\\d+}/quotes/{quote:\\d+}/accept")
    String accept(@AuthenticationPrincipal Actor actor, @PathVariable long number, @PathVariable long quote) {
        QuoteId id = quoteOf(number, quote, actor);
        quotes.accept(id, actor);
        return "redirect:/portal/tickets/" + number + "?accepted#quotes";
    }

    @PostMapping("/portal/tickets/{number:\\d+}/quotes/{quote:\\d+}/reject")
    String reject(@AuthenticationPrincipal Actor actor, @PathVariable long number, @PathVariable long quote,
            @RequestParam(required = false) @Nullable String reason) {
        QuoteId id = quoteOf(number, quote, actor);
        quotes.reject(id, reason == null || reason.isBlank() ? null : reason, actor);
        return "redirect:/portal/tickets/" + number + "?rejected#quotes";
    }

    /** The organisation's ticket of that number; any other answers "not found". */
    private TicketView ticket(long number, Actor actor) {
        PortalAccess.organisationOf(actor);
        return tickets.getByNumber(number, actor);
    }

    /** A quote of that ticket of the organisation; one of another ticket is "not found" here too. */
    private QuoteId quoteOf(long number, long quote, Actor actor) {
        TicketView ticket = ticket(number, actor);
        QuoteView q = quotes.get(new QuoteId(quote), actor);
        if (!q.ticketId().equals(ticket.id())) {
            throw TicketProblems.notFound("quote " + quote);
        }
        return q.id();
    }

    private String author(MessageView m, Locale locale) {
        return switch (m.kind()) {
            case CUSTOMER -> m.authorContactId() == null ? messages.getMessage("portal.author.customer", null, locale)
                    : customers.contact(m.authorContactId()).map(c -> c.name())
                            .orElseGet(() -> messages.getMessage("portal.author.customer", null, locale));
            case AGENT -> deskNames.of(org.atende.sla.PromiseWording.language(locale));
            default -> messages.getMessage("portal.author.automatic", null, locale);
        };
    }

    /** "First response: met", "due by Thursday 26 November at 10:00 (Lisbon time)", …; null: no target. */
    private @Nullable String firstResponse(TicketView ticket, Locale locale) {
        if (!ticket.type().isSupport()) {
            return null;
        }
        Instant now = clock.instant();
        ClockView c = clocks.clocksOf(ticket.id(), now).firstResponse();
        if (c == null || c.isExcluded()) {
            return null;
        }
        String when = c.dueAt() == null ? "" : PromiseWording.when(PortalDates.language(locale), c.dueAt(), dates.zone());
        String key = switch (c.state()) {
            case MET -> "portal.firstResponse.met";
            case RUNNING -> "portal.firstResponse.due";
            case PAUSED -> "portal.firstResponse.paused";
            case BREACHED -> "portal.firstResponse.late";
        };
        return messages.getMessage(key, new Object[] {when}, locale);
    }

}
