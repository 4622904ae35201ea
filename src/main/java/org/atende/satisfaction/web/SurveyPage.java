package org.atende.satisfaction.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.atende.satisfaction.Rating;
import org.atende.satisfaction.SurveyView;
import org.atende.satisfaction.Surveys;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page the survey e-mail links to, without signing in: the link's token is the proof. {@code …/good} and
 * {@code …/bad} rate in one click (once: a second click shows the rating given); the page then offers a comment.
 * It speaks the language the mail was written in, and says when the link has lapsed or is unknown (404).
 */
@Controller
class SurveyPage {

    /** The request attribute by which a page names its language (see the desk's page locales). */
    private static final String PAGE_LANGUAGE = "atende.page-language";

    private final Surveys surveys;
    private final Tickets tickets;
    private final java.time.Clock clock;

    SurveyPage(Surveys surveys, Tickets tickets, java.time.Clock clock) {
        this.clock = clock;
        this.surveys = surveys;
        this.tickets = tickets;
    }

    @GetMapping("/satisfaction/{token}")
    String show(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        return page(token, null, surveys.byToken(token).orElse(null), model, request, response);
    }

    @GetMapping("/satisfaction/{token}/{choice:good|bad}")
    String rate(@PathVariable String token, @PathVariable String choice, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Surveys.Answer answer = surveys.rate(token, Rating.valueOf(choice.toUpperCase(Locale.ROOT)), Channel.EMAIL);
        return page(token, answer.outcome(), answer.survey(), model, request, response);
    }

    @PostMapping("/satisfaction/{token}")
    String comment(@PathVariable String token, @RequestParam(required = false) @Nullable Rating rating,
            @RequestParam(defaultValue = "") String comment, Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            Surveys.Answer answer = surveys.comment(token, rating, comment);
            model.addAttribute("commented", answer.outcome() == Surveys.Outcome.RECORDED && !comment.isBlank());
            return page(token, answer.outcome(), answer.survey(), model, request, response);
        } catch (ErrorResponseException refused) {
            model.addAttribute("refused", true);
            model.addAttribute("written", comment);
            response.setStatus(400);
            return page(token, null, surveys.byToken(token).orElse(null), model, request, response);
        }
    }

    private String page(String token, Surveys.@Nullable Outcome outcome, @Nullable SurveyView survey, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer"); // the token never leaves in a Referer
        response.setHeader("Cache-Control", "no-store");
        if (survey == null) {
            response.setStatus(404);
            model.addAttribute("unknown", true);
            return "satisfaction/survey";
        }
        request.setAttribute(PAGE_LANGUAGE, Locale.of(survey.language().name().toLowerCase(Locale.ROOT)));
        TicketView ticket = tickets.lookup(survey.ticketId()).orElseThrow();
        model.addAttribute("survey", survey);
        model.addAttribute("ticket", ticket);
        model.addAttribute("token", token);
        model.addAttribute("outcome", outcome == null ? null : outcome.name());
        model.addAttribute("expired", survey.expiredAt(clock.instant()) && !survey.rated());
        return "satisfaction/survey";
    }
}
