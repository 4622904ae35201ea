package org.atende.techservice.internal;

import java.net.URI;
import java.util.List;

import org.atende.identity.Actor;
import org.atende.techservice.QuoteChanges;
import org.atende.techservice.QuoteDraft;
import org.atende.techservice.QuoteId;
import org.atende.techservice.QuoteView;
import org.atende.techservice.Quotes;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quotes of technical-service tickets. Staff draft, edit, send and mark done; a lead or admin invoices;
 * a customer of the ticket's organisation reads what was sent and accepts or rejects it. The rules,
 * and every refusal, are the {@link Quotes} facade's.
 */
@RestController
@RequestMapping("/api/v1")
class QuoteController {

    /** The customer's optional reason. */
    record Rejection(@Nullable String reason) {
    }

    record Invoice(@Nullable String invoiceReference) {
    }

    private final Quotes quotes;

    QuoteController(Quotes quotes) {
        this.quotes = quotes;
    }

    @PostMapping("/tickets/{ticketId}/quotes")
    ResponseEntity<QuoteJson> draft(@PathVariable long ticketId, @RequestBody QuoteDraft body, @AuthenticationPrincipal Actor actor) {
        QuoteView q = quotes.draft(new TicketId(ticketId), body, actor);
        return ResponseEntity.created(URI.create("/api/v1/quotes/" + q.id())).body(QuoteJson.of(q));
    }

    @GetMapping("/tickets/{ticketId}/quotes")
    List<QuoteJson> ofTicket(@PathVariable long ticketId, @AuthenticationPrincipal Actor actor) {
        return quotes.ofTicket(new TicketId(ticketId), actor).stream().map(QuoteJson::of).toList();
    }

    @GetMapping("/quotes/{id}")
    QuoteJson get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
        return QuoteJson.of(quotes.get(new QuoteId(id), actor));
    }

    @PatchMapping("/quotes/{id}")
    QuoteJson edit(@PathVariable long id, @RequestBody QuoteChanges body, @AuthenticationPrincipal Actor actor) {
        return QuoteJson.of(quotes.edit(new QuoteId(id), body, actor));
    }

    @PostMapping("/quotes/{id}/send")
    QuoteJson send(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
        return QuoteJson.of(quotes.send(new QuoteId(id), actor));
    }

    @PostMapping("/quotes/{id}/accept")
    QuoteJson accept(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
        return QuoteJson.of(quotes.accept(new QuoteId(id), actor));
    }

    @PostMapping("/quotes/{id}/reject")
    QuoteJson reject(@PathVariable long id, @RequestBody(required = false) @Nullable Rejection body,
            @AuthenticationPrincipal Actor actor) {
        return QuoteJson.of(quotes.reject(new QuoteId(id), body == null ? null : body.reason(), actor));
    }

    @PostMapping("/quotes/{id}/done")
    QuoteJson done(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
        return QuoteJson.of(quotes.markDone(new QuoteId(id), actor));
    }

    @PostMapping("/quotes/{id}/invoice")
    QuoteJson invoice(@PathVariable long id, @RequestBody Invoice body, @AuthenticationPrincipal Actor actor) {
        return QuoteJson.of(quotes.invoice(new QuoteId(id), body.invoiceReference(), actor));
    }
}
