package org.atende.web.desk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.atende.identity.Actor;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.atende.techservice.QuoteDraft;
import org.atende.techservice.QuoteId;
import org.atende.techservice.Quotes;
import org.atende.tickets.Channel;
import org.atende.tickets.AttachmentContent;
import org.atende.tickets.Attachments;
import org.atende.tickets.NewFile;
import org.atende.tickets.Previews;
import org.atende.tickets.MessageView;
import org.atende.tickets.Priority;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The ticket page and its forms. Every form posts and redirects back to the page (with what was done,
 * for the notice); a form with nothing written in it is shown again with the field's error. The fields
 * form and "resolve" carry the ticket's version: a form made before someone else's change is refused
 * (409, "reload"). The rules are the facades': this only turns forms into their calls.
 */
@Controller
@RequestMapping("/desk/tickets/{number}")
class TicketController {

    private final Tickets tickets;
    private final Attachments attachments;
    private final Quotes quotes;
    private final TicketPages pages;
    private final Previews previews;
    private final Collisions collisions;

    TicketController(Tickets tickets, Attachments attachments, Quotes quotes, TicketPages pages, Previews previews,
            Collisions collisions) {
        this.previews = previews;
        this.collisions = collisions;
        this.tickets = tickets;
        this.attachments = attachments;
        this.quotes = quotes;
        this.pages = pages;
    }

    @GetMapping
    String page(@PathVariable long number, @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        QueueController.staff(actor);
        pages.fill(tickets.getByNumber(number, actor), actor, locale, model);
        return "desk/ticket";
    }

    /**
     * A reply, question or note. {@code seen} is the last message the page showed: a reply (not a note) after
     * someone else answered since is shown again with their answer first (409), unless {@code confirm}ed.
     */
    @PostMapping("/reply")
    String reply(@PathVariable long number, @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "reply") String intent, @RequestParam(required = false) @Nullable Long seen,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @AuthenticationPrincipal Actor actor, Model model, Locale locale, HttpServletResponse response) {
        QueueController.staff(actor);
        TicketView t = tickets.getByNumber(number, actor);
        boolean note = "note".equals(intent);
        boolean ask = "ask".equals(intent);
        if (body.isBlank()) {
            if (seen != null) {
                model.addAttribute("seen", seen);
            }
            return again(t, actor, model, locale, response, note ? "noteError" : "replyError", body);
        }
        List<MessageView> answered = note || confirm || seen == null ? List.of() : collisions.since(t, seen, actor);
        if (!answered.isEmpty()) {
            collisions.show(answered, model, locale);
            model.addAttribute("intent", intent);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return again(t, actor, model, locale, response, "replyCollision", body);
        }
        try {
            tickets.reply(t.id(), new Reply(body, note, ask ? TicketStatus.WAITING_ON_CUSTOMER : null, note ? Channel.DESK : t.channel()),
                    NewFile.of(files), actor);
        } catch (ErrorResponseException refused) {
            if (refused.getStatusCode().value() == 404) {
                throw refused;
            }
            model.addAttribute("fileError", refused.getBody().getDetail());
            return again(t, actor, model, locale, response, note ? "noteError" : "replyError", body);
        }
        return done(number, note ? "note" : ask ? "asked" : "reply");
    }

    @PostMapping("/fields")
    String fields(@PathVariable long number, @RequestParam int version, @RequestParam Priority priority,
            @RequestParam TicketType type, @RequestParam(defaultValue = "") String category, @RequestParam TicketStatus status,
            @RequestParam(defaultValue = "") String assignee, @RequestParam(defaultValue = "") String team,
            @RequestParam(defaultValue = "") String tags, @AuthenticationPrincipal Actor actor) {
        QueueController.staff(actor);
        TicketView t = tickets.getByNumber(number, actor);
        boolean crossesKinds = type.isSupport() != t.type().isSupport();
        String newCategory = crossesKinds || category.isBlank() ? null : category;
        Long assigneeId = id(assignee);
        Long teamId = id(team);
        Set<String> tagSet = new LinkedHashSet<>();
        Arrays.stream(tags.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(tagSet::add);
        tickets.update(t.id(), new TicketChanges(priority, type, newCategory, status,
                assigneeId == null ? null : new UserId(assigneeId), assigneeId == null, teamId == null ? null : new TeamId(teamId),
                tagSet), actor, version);
        return done(number, "fields");
    }

    @PostMapping("/resolve")
    String resolve(@PathVariable long number, @RequestParam int version, @AuthenticationPrincipal Actor actor) {
        QueueController.staff(actor);
        TicketView t = tickets.getByNumber(number, actor);
        tickets.update(t.id(), TicketChanges.status(TicketStatus.RESOLVED), actor, version);
        return done(number, "resolved");
    }

    @PostMapping("/escalate")
    String escalate(@PathVariable long number, @RequestParam long team, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal Actor actor, Model model, Locale locale, HttpServletResponse response) {
        QueueController.staff(actor);
        TicketView t = tickets.getByNumber(number, actor);
        if (reason.isBlank()) {
            return again(t, actor, model, locale, response, "escalateError", reason);
        }
        tickets.escalate(t.id(), new TeamId(team), reason, actor);
        return done(number, "escalated");
    }

    @PostMapping("/quotes")
    String draftQuote(@PathVariable long number, @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String hours, @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String validUntil, @AuthenticationPrincipal Actor actor) {
        QueueController.staff(actor);
        TicketView t = tickets.getByNumber(number, actor);
        quotes.draft(t.id(), new QuoteDraft(description.isBlank() ? null : description, decimal(hours),
                cents(amount), date(validUntil)), actor);
        return done(number, "quoteDrafted");
    }

    @PostMapping("/quotes/{quote}/{action}")
    String quoteAction(@PathVariable long number, @PathVariable long quote, @PathVariable String action,
            @RequestParam(defaultValue = "") String reference, @AuthenticationPrincipal Actor actor) {
        QueueController.staff(actor);
        tickets.getByNumber(number, actor);
        QuoteId id = new QuoteId(quote);
        if (quotes.get(id, actor).ticketNumber() != number) {
            throw new java.util.NoSuchElementException("quote " + quote);
        }
        switch (action) {
            case "send" -> quotes.send(id, actor);
            case "done" -> quotes.markDone(id, actor);
            case "invoice" -> quotes.invoice(id, reference.isBlank() ? null : reference.strip(), actor);
            default -> throw new java.util.NoSuchElementException(action);
        }
        return done(number, "quote-" + action);
    }

    /** A file of the ticket, always as a download: never shown inline, never sniffed into something else. */
    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable long number, @PathVariable long id, @AuthenticationPrincipal Actor actor) {
        QueueController.staff(actor);
        TicketView t = tickets.getByNumber(number, actor);
        AttachmentContent file = attachments.download(t.id(), id, actor);
        MediaType type;
        try {
            type = MediaType.parseMediaType(file.attachment().contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.attachment().filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }

    /** A small picture of an image or of a PDF's first page, drawn by the desk; 404 when it has none. */
    @GetMapping("/attachments/{id}/preview")
    ResponseEntity<byte[]> preview(@PathVariable long number, @PathVariable long id, @AuthenticationPrincipal Actor actor) {
        return picture(number, id, Previews.THUMBNAIL, actor);
    }

    /** The larger view: an image drawn again by the desk, a PDF in the browser's viewer. */
    @GetMapping("/attachments/{id}/view")
    ResponseEntity<byte[]> view(@PathVariable long number, @PathVariable long id, @AuthenticationPrincipal Actor actor) {
        QueueController.staff(actor);
        AttachmentContent file = attachments.download(tickets.getByNumber(number, actor).id(), id, actor);
        return previews.isPdf(file.attachment()) ? Previews.pdf(file) : picture(number, id, Previews.VIEW, actor);
    }

    private ResponseEntity<byte[]> picture(long number, long id, int side, Actor actor) {
        QueueController.staff(actor);
        AttachmentContent file = attachments.download(tickets.getByNumber(number, actor).id(), id, actor);
        return previews.picture(file, side).map(p -> Previews.response(p, file.attachment().filename()))
                .orElseThrow(() -> new java.util.NoSuchElementException("no preview of attachment " + id));
    }

    private String again(TicketView t, Actor actor, Model model, Locale locale, HttpServletResponse response, String error,
            String written) {
        if (response.getStatus() < 400) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        pages.fill(t, actor, locale, model);
        model.addAttribute(error, true);
        model.addAttribute("written", written);
        return "desk/ticket";
    }

    private static String done(long number, String what) {
        return "redirect:/desk/tickets/" + number + "?saved=" + what;
    }

    private static @Nullable Long id(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an id: " + value);
        }
    }

    private static @Nullable BigDecimal decimal(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + value);
        }
    }

    /** Euros as written ("1234,50" or "1234.50") to cents. */
    private static @Nullable Long cents(String value) {
        BigDecimal euros = decimal(value.replace("€", "").replace(" ", ""));
        return euros == null ? null : euros.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }

    private static @Nullable LocalDate date(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (yyyy-mm-dd): " + value);
        }
    }
}
