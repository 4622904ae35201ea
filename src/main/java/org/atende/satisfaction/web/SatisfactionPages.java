package org.atende.satisfaction.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.satisfaction.Rating;
import org.atende.satisfaction.SatisfactionFigures;
import org.atende.satisfaction.SatisfactionReports;
import org.atende.satisfaction.SurveyView;
import org.atende.satisfaction.Surveys;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * Satisfaction in the pages: the report tab beside SLA compliance (with its CSV), the card on the desk's ticket
 * page, the prompt on the portal's resolved ticket, and the section of an organisation's monthly report (the last
 * three loaded into their pages by htmx).
 */
@Controller
class SatisfactionPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the report page shows a group as: its figures and its name in the page's language. */
    record Line(SatisfactionFigures figures, String name) {
    }

    /** A question asked, as the desk's card shows it. */
    record Asked(SurveyView survey, String at) {
    }

    /** The report's months and organisation. */
    record Period(YearMonth from, YearMonth to, @Nullable Long organisationId) {
    }

    private final Surveys surveys;
    private final SatisfactionReports reports;
    private final Tickets tickets;
    private final Customers customers;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    SatisfactionPages(Surveys surveys, SatisfactionReports reports, Tickets tickets, Customers customers, MessageSource messages,
            Clock clock, @Value("${atende.calendar.zone:Europe/Lisbon}") ZoneId zone) {
        this.surveys = surveys;
        this.reports = reports;
        this.tickets = tickets;
        this.customers = customers;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/reports/satisfaction")
    String report(@RequestParam(defaultValue = "MONTH") String by, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String organisationId,
            @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        lead(actor);
        SatisfactionReports.By dimension = SatisfactionApi.dimension(by);
        Period period = period(from, to, organisationId);
        List<SatisfactionFigures> rows = reports.by(dimension, period.from(), period.to(), organisation(period));
        List<Line> lines = rows.stream().map(r -> new Line(r, name(dimension, r, locale))).toList();
        long rated = rows.stream().mapToLong(SatisfactionFigures::rated).sum();
        long good = rows.stream().mapToLong(SatisfactionFigures::good).sum();
        long comments = rows.stream().mapToLong(SatisfactionFigures::comments).sum();
        model.addAttribute("by", dimension);
        model.addAttribute("dimensions", SatisfactionReports.By.values());
        model.addAttribute("period", period);
        model.addAttribute("organisations", customers.organisations(0, 1000));
        model.addAttribute("lines", lines);
        model.addAttribute("overall", new SatisfactionFigures("", "", rated, good, rated - good, comments,
                rated == 0 ? null : Math.round(good * 10_000.0 / rated) / 10_000.0));
        model.addAttribute("chart", chart(dimension, lines, messages.getMessage("satisfaction.report.goodShare", null, locale)));
        return "satisfaction/report";
    }

    @GetMapping("/reports/satisfaction.csv")
    ResponseEntity<String> csv(@RequestParam(defaultValue = "MONTH") String by, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String organisationId,
            @AuthenticationPrincipal Actor actor) {
        lead(actor);
        SatisfactionReports.By dimension = SatisfactionApi.dimension(by);
        Period p = period(from, to, organisationId);
        return SatisfactionCsv.download("satisfaction-" + dimension.name().toLowerCase(Locale.ROOT) + "-" + p.from() + "-" + p.to(),
                SatisfactionCsv.of(dimension.name().toLowerCase(Locale.ROOT), reports.by(dimension, p.from(), p.to(), organisation(p))));
    }

    /** The desk ticket page's card. */
    @GetMapping("/desk/tickets/{number}/satisfaction")
    String deskCard(@PathVariable long number, @AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        if (!actor.isStaff()) {
            throw new AccessDeniedException("the desk is for Customer Care staff");
        }
        TicketView ticket = tickets.getByNumber(number, actor);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone);
        model.addAttribute("surveys", surveys.ofTicket(ticket.id(), actor).stream()
                .map(s -> new Asked(s, format.format(s.askedAt()))).toList());
        return "satisfaction/parts :: desk(surveys=${surveys})";
    }

    /** The portal's prompt: empty unless the signed-in customer was asked about this ticket. */
    @GetMapping("/portal/tickets/{number}/satisfaction")
    String portalPrompt(@PathVariable long number, @AuthenticationPrincipal Actor actor, Model model) {
        TicketView ticket = tickets.getByNumber(number, actor);
        SurveyView survey = surveys.forRequester(ticket.id(), actor).orElse(null);
        if (survey == null) {
            return "satisfaction/parts :: nothing";
        }
        model.addAttribute("survey", survey);
        model.addAttribute("number", number);
        return "satisfaction/parts :: portal(survey=${survey},number=${number})";
    }

    @PostMapping("/portal/tickets/{number}/satisfaction")
    String portalRate(@PathVariable long number, @RequestParam Rating rating, @RequestParam(defaultValue = "") String comment,
            @AuthenticationPrincipal Actor actor) {
        TicketView ticket = tickets.getByNumber(number, actor);
        Surveys.Answer answer = surveys.rateAsCustomer(ticket.id(), rating, comment, actor, Channel.PORTAL);
        return "redirect:/portal/tickets/" + number + "?rated=" + answer.outcome().name().toLowerCase(Locale.ROOT) + "#satisfaction";
    }

    /** The satisfaction section of a staff member's view of an organisation's monthly report. */
    @GetMapping("/reports/organisations/{id}/{month}/satisfaction")
    String monthly(@PathVariable long id, @PathVariable String month, @AuthenticationPrincipal Actor actor, Model model) {
        lead(actor);
        model.addAttribute("figures", reports.month(new OrganisationId(id), SatisfactionApi.month(month)));
        return "satisfaction/parts :: monthly(figures=${figures})";
    }

    /** The same section in the portal, of the customer's own organisation. */
    @GetMapping("/portal/reports/{month}/satisfaction")
    String portalMonthly(@PathVariable String month, @AuthenticationPrincipal Actor actor, Model model) {
        if (actor.isStaff() || actor.organisationId() == null) {
            throw new AccessDeniedException("the portal is for customers");
        }
        model.addAttribute("figures", reports.month(actor.organisationId(), SatisfactionApi.month(month)));
        return "satisfaction/parts :: monthly(figures=${figures})";
    }

    private String name(SatisfactionReports.By by, SatisfactionFigures r, Locale locale) {
        if (by == SatisfactionReports.By.CHANNEL && !r.key().isEmpty()) {
            return messages.getMessage("desk.channel." + r.key(), null, r.key(), locale);
        }
        if (r.key().isEmpty()) {
            return messages.getMessage("satisfaction.report.nobody", null, locale);
        }
        return r.label();
    }

    private Period period(@Nullable String from, @Nullable String to, @Nullable String organisationId) {
        YearMonth now = YearMonth.from(clock.instant().atZone(zone));
        YearMonth end = to == null || to.isBlank() ? now : SatisfactionApi.month(to);
        YearMonth start = from == null || from.isBlank() ? end.minusMonths(5) : SatisfactionApi.month(from);
        Long organisation = null;
        if (organisationId != null && !organisationId.isBlank()) {
            try {
                organisation = Long.parseLong(organisationId.strip());
            } catch (NumberFormatException e) {
                throw org.atende.problems.Problem.badRequest("organisationId must be a number");
            }
        }
        return new Period(start.isAfter(end) ? end : start, end, organisation);
    }

    private static @Nullable OrganisationId organisation(Period p) {
        return p.organisationId() == null ? null : new OrganisationId(p.organisationId());
    }

    private static void lead(Actor actor) {
        if (!actor.hasAtLeast(Role.LEAD)) {
            throw new AccessDeniedException("reports are for leads and admins");
        }
    }

    /** The chart as the report pages draw it (static/js/reports.js): the good share per group, safe inside a script element. */
    private static String chart(SatisfactionReports.By by, List<Line> lines, String series) {
        List<String> categories = new ArrayList<>();
        List<@Nullable Double> values = new ArrayList<>();
        for (Line l : lines) {
            categories.add(l.name());
            values.add(l.figures().goodShare() == null ? null : Math.round(l.figures().goodShare() * 1000) / 10.0);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", by == SatisfactionReports.By.MONTH ? "line" : "bar");
        chart.put("unit", "%");
        chart.put("categories", categories);
        chart.put("series", List.of(Map.of("name", series, "data", values)));
        return JSON.writeValueAsString(chart).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
