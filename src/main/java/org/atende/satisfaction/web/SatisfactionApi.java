package org.atende.satisfaction.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.problems.Problem;
import org.atende.satisfaction.Rating;
import org.atende.satisfaction.SatisfactionFigures;
import org.atende.satisfaction.SatisfactionReports;
import org.atende.satisfaction.SurveyView;
import org.atende.satisfaction.Surveys;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Satisfaction in the API: a ticket's surveys and ratings (whoever may see the ticket), the requester's own rating
 * from the app, and the satisfaction report (leads and admins; an organisation's month also for its customers).
 */
@RestController
class SatisfactionApi {

    private final Surveys surveys;
    private final SatisfactionReports reports;

    SatisfactionApi(Surveys surveys, SatisfactionReports reports) {
        this.surveys = surveys;
        this.reports = reports;
    }

    /** A ticket's satisfaction: its latest rating (null until the customer answers) and every question asked, newest first. */
    record TicketSatisfaction(long ticketId, @Nullable Rating rating, @Nullable String comment, List<SurveyView> surveys) {
    }

    @GetMapping("/api/v1/tickets/{id}/satisfaction")
    TicketSatisfaction ofTicket(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
        List<SurveyView> all = surveys.ofTicket(new TicketId(id), actor);
        SurveyView rated = all.stream().filter(SurveyView::rated).findFirst().orElse(null);
        return new TicketSatisfaction(id, rated == null ? null : rated.rating(), rated == null ? null : rated.comment(), all);
    }

    /** The rating of the customer who was asked, from the vendor's app (once; a comment may follow a rating). */
    record Rate(@NotNull Rating rating, @Nullable @Size(max = 4000) String comment) {
    }

    @PostMapping(path = "/api/v1/tickets/{id}/satisfaction", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SurveyView> rate(@PathVariable long id, @Valid @RequestBody Rate body, @AuthenticationPrincipal Actor actor) {
        Surveys.Answer answer = surveys.rateAsCustomer(new TicketId(id), body.rating(), body.comment(), actor, Channel.APP);
        return switch (answer.outcome()) {
            case RECORDED -> ResponseEntity.ok(answer.survey());
            case ALREADY_RATED -> throw Problem.of(org.springframework.http.HttpStatus.CONFLICT, "already-rated", "Already rated",
                    "the customer rated this answer " + answer.survey().rating() + " already");
            case EXPIRED -> throw Problem.of(org.springframework.http.HttpStatus.CONFLICT, "survey-expired", "Survey expired", "the time to rate this answer has passed");
            case UNKNOWN -> throw Problem.notFound("no satisfaction survey of ticket " + id);
        };
    }

    /**
     * Ratings given in the months {@code from} to {@code to}, grouped {@code by} MONTH, AGENT, TEAM, ORGANISATION or
     * CHANNEL: count, good, bad, comments and the good share. CSV with a {@code .csv} path or {@code format=csv}.
     */
    @GetMapping({"/api/v1/reports/satisfaction", "/api/v1/reports/satisfaction.csv"})
    ResponseEntity<?> report(@RequestParam(defaultValue = "MONTH") String by, @RequestParam String from, @RequestParam String to,
            @RequestParam(required = false) @Nullable Long organisationId, @RequestParam(required = false) @Nullable String format,
            jakarta.servlet.http.HttpServletRequest request, @AuthenticationPrincipal Actor actor) {
        if (!actor.hasAtLeast(Role.LEAD)) {
            throw Problem.forbidden("reports are for leads and admins");
        }
        SatisfactionReports.By dimension = dimension(by);
        YearMonth start = month(from);
        YearMonth end = month(to);
        if (end.isBefore(start)) {
            throw Problem.badRequest("the period ends (" + end + ") before it starts (" + start + ")");
        }
        List<SatisfactionFigures> rows = reports.by(dimension, start, end, organisationId == null ? null : new OrganisationId(organisationId));
        if (request.getRequestURI().endsWith(".csv") || "csv".equalsIgnoreCase(format)) {
            return SatisfactionCsv.download("satisfaction-" + dimension.name().toLowerCase(Locale.ROOT) + "-" + start + "-" + end,
                    SatisfactionCsv.of(dimension.name().toLowerCase(Locale.ROOT), rows));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
    }

    /** The satisfaction section of an organisation's monthly report; its customers read their own. */
    @GetMapping("/api/v1/reports/organisations/{organisationId}/monthly/{month}/satisfaction")
    SatisfactionFigures monthly(@PathVariable long organisationId, @PathVariable String month, @AuthenticationPrincipal Actor actor) {
        OrganisationId organisation = new OrganisationId(organisationId);
        if (actor.role() == Role.CUSTOMER) {
            if (!organisation.equals(actor.organisationId())) {
                throw Problem.notFound("no organisation " + organisationId);
            }
        } else if (!actor.hasAtLeast(Role.LEAD)) {
            throw Problem.forbidden("reports are for leads and admins");
        }
        return reports.month(organisation, month(month));
    }

    static SatisfactionReports.By dimension(String by) {
        try {
            return SatisfactionReports.By.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("by must be one of " + java.util.Arrays.toString(SatisfactionReports.By.values()));
        }
    }

    static YearMonth month(String value) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("a month is written like 2026-11, not '" + value + "'");
        }
    }
}
