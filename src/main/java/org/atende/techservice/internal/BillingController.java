package org.atende.techservice.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.techservice.BillingReport;
import org.atende.techservice.QuoteProblem;
import org.atende.techservice.QuoteState;
import org.atende.techservice.Quotes;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/quotes/billing?month=2026-08[&organisationId=N]}: the month's technical-service work
 * to bill, for leads and admins. JSON unless the caller asks for CSV, with {@code format=csv} or by
 * preferring {@code text/csv} in {@code Accept}.
 */
@RestController
class BillingController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    record BillingJson(YearMonth month, String timeZone, @Nullable Long organisationId, String currency, List<LineJson> lines,
            int count, long totalCents, String totalEuros) {
    }

    record LineJson(long quoteId, long ticketId, long ticketNumber, long organisationId, String organisationName,
            @Nullable String category, String description, BigDecimal estimatedHours, long amountCents, String amountEuros,
            QuoteState state, Instant acceptedAt, @Nullable Instant doneAt, @Nullable String invoiceReference) {
    }

    private final Quotes quotes;

    BillingController(Quotes quotes) {
        this.quotes = quotes;
    }

    @GetMapping("/api/v1/quotes/billing")
    ResponseEntity<?> billing(@RequestParam YearMonth month, @RequestParam(required = false) @Nullable Long organisationId,
            @RequestParam(required = false) @Nullable String format, @RequestHeader HttpHeaders headers,
            @AuthenticationPrincipal Actor actor) {
        BillingReport report = quotes.billing(month, organisationId == null ? null : new OrganisationId(organisationId), actor);
        if (wantsCsv(format, headers.getAccept())) {
            return ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("quotes-billing-" + month + (organisationId == null ? "" : "-" + organisationId) + ".csv")
                            .build().toString())
                    .body(BillingCsv.of(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json(report));
    }

    /** {@code format} decides when given; else the first type in {@code Accept}, by quality, that names CSV or JSON. */
    static boolean wantsCsv(@Nullable String format, List<MediaType> accepted) {
        if (format != null) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw QuoteProblem.invalid("format", "must be csv or json");
            };
        }
        for (MediaType type : accepted.stream().sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed()).toList()) {
            if (type.getQualityValue() == 0 || type.isWildcardType()) {
                continue;
            }
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return false;
            }
            if (type.includes(CSV)) {
                return true;
            }
        }
        return false;
    }

    private static BillingJson json(BillingReport report) {
        return new BillingJson(report.month(), report.zone().getId(),
                report.organisationId() == null ? null : report.organisationId().value(), "EUR",
                report.lines().stream().map(l -> new LineJson(l.quoteId().value(), l.ticketId().value(), l.ticketNumber(),
                        l.organisationId().value(), l.organisationName(), l.category(), l.description(), l.estimatedHours(),
                        l.amountCents(), l.amountEuros(), l.state(), l.acceptedAt(), l.doneAt(), l.invoiceReference())).toList(),
                report.lines().size(), report.totalCents(), report.totalEuros());
    }
}
