package org.atende.satisfaction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.atende.customers.ContactId;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketProblems;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction surveys. A resolved ticket's requester is asked once per resolution: not again when the ticket is
 * resolved again within {@code atende.satisfaction.resurvey-window} of the last question (the open question still
 * counts). The survey keeps the ticket's agent (its assignee, else whoever answered the customer last), team and
 * organisation at resolution, for the reports. The question's link carries a random token whose SHA-256 alone is kept; it rates once (a second use
 * shows the rating given) and lapses after {@code atende.satisfaction.token-validity}. Each rating and comment is
 * written once, by a conditional update, so two clicks at once (or two instances) record one.
 */
@Service
@Transactional
public class Surveys {

    /** What became of an answer: recorded now, rated before (the survey says how), past its time, or no such survey. */
    public enum Outcome {
        RECORDED, ALREADY_RATED, EXPIRED, UNKNOWN
    }

    public record Answer(Outcome outcome, @Nullable SurveyView survey) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_COMMENT = 4000;

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean enabled;
    private final Duration validity;
    private final Duration resurveyWindow;
    private final ZoneId zone;

    Surveys(JdbcClient jdbc, Tickets tickets, Customers customers, ApplicationEventPublisher events, Clock clock,
            @Value("${atende.satisfaction.enabled:true}") boolean enabled,
            @Value("${atende.satisfaction.token-validity:P14D}") Duration validity,
            @Value("${atende.satisfaction.resurvey-window:P7D}") Duration resurveyWindow,
            @Value("${atende.calendar.zone:Europe/Lisbon}") ZoneId zone) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
        this.enabled = enabled;
        this.validity = validity;
        this.resurveyWindow = resurveyWindow;
        this.zone = zone;
    }

    /**
     * Asks a resolved ticket's requester, on the channel they used: e-mail and WhatsApp tickets there; portal tickets
     * by the portal's prompt; tickets from the apps and the API by e-mail when the contact has an address (and the
     * portal's prompt in any case). Nothing when surveys are off, the ticket is not resolved (any more), has no
     * requester, was closed as spam or merged, or was asked about within the re-survey window.
     */
    public Optional<SurveyView> ask(TicketId id) {
        TicketView ticket = tickets.lookup(id).orElse(null);
        if (!enabled || ticket == null || ticket.status() != TicketStatus.RESOLVED || ticket.requesterContactId() == null
                || ticket.closedAs() != null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // one question per resolution even when two ask at once (a retried event, another instance): the ticket's row
        // is locked while this one looks for a recent question and writes its own
        jdbc.sql("SELECT id FROM ticket WHERE id = ? FOR UPDATE").param(id.value()).query(Long.class).list();
        int recent = jdbc.sql("SELECT COUNT(*) FROM satisfaction_survey WHERE ticket_id = ? AND asked_at > ?")
                .params(id.value(), Timestamp.from(now.minus(resurveyWindow))).query(Integer.class).single();
        if (recent > 0) {
            return Optional.empty();
        }
        ContactSummary contact = customers.contact(ticket.requesterContactId()).orElse(null);
        if (contact == null) {
            return Optional.empty();
        }
        Channel askBy = switch (ticket.channel()) {
            case WHATSAPP -> Channel.WHATSAPP;
            case PORTAL -> Channel.PORTAL;
            case EMAIL, APP, API, DESK -> contact.email() == null ? Channel.PORTAL : Channel.EMAIL;
        };
        String token = newToken();
        Instant expires = now.plus(validity);
        Long agent = ticket.assigneeId() != null ? Long.valueOf(ticket.assigneeId().value()) : lastAnswerer(id);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO satisfaction_survey (ticket_id, contact_id, organisation_id, agent_id, team_id, channel, ticket_channel,
                    language, token_hash, asked_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), contact.id().value(), ticket.organisationId().value(),
                        agent,
                        ticket.teamId() == null ? null : ticket.teamId().value(), askBy.name(), ticket.channel().name(),
                        contact.language().name(),
                        hash(token), Timestamp.from(now), Timestamp.from(expires))
                .update(keys, "id");
        long survey = keys.getKey().longValue();
        tickets.recordOnTimeline(id, TimelineEntry.bySystem(now, "SATISFACTION_ASKED",
                contact.name() + " asked whether the answer helped, by " + askBy + " (until " + expires + ")"));
        events.publishEvent(new SatisfactionRequested(survey, id, ticket.number(), ticket.subject(), contact.id(), askBy,
                contact.language(), token, expires));
        return find("id = ?", survey);
    }

    /** A rating from the e-mail's link: once; a second use answers how it was rated. */
    public Answer rate(String token, Rating rating, Channel via) {
        return find("token_hash = ?", hash(token)).map(s -> rate(s, rating, via, true)).orElse(new Answer(Outcome.UNKNOWN, null));
    }

    /** A rating from a channel where the contact is known (a WhatsApp button): only the asked contact's counts. */
    public Answer rateFrom(ContactId contact, String token, Rating rating, Channel via) {
        return find("token_hash = ?", hash(token)).filter(s -> s.contactId().equals(contact)).map(s -> rate(s, rating, via, true))
                .orElse(new Answer(Outcome.UNKNOWN, null));
    }

    /** The comment of the link's page, once, with the rating if it was not given yet. */
    public Answer comment(String token, @Nullable Rating rating, String text) {
        SurveyView survey = find("token_hash = ?", hash(token)).orElse(null);
        if (survey == null) {
            return new Answer(Outcome.UNKNOWN, null);
        }
        return comment(survey, rating, text, Channel.EMAIL);
    }

    /**
     * A rating (and comment) the requester gives signed in, in the portal or through the app's API, on the ticket's
     * latest survey. Another organisation's ticket is "not found"; anyone but the asked contact is refused.
     */
    public Answer rateAsCustomer(TicketId ticket, Rating rating, @Nullable String comment, Actor actor, Channel via) {
        tickets.get(ticket, actor);
        SurveyView survey = latest(ticket).orElseThrow(() -> TicketProblems.notFound("satisfaction survey of ticket " + ticket));
        if (actor.isStaff() || actor.contactId() == null || !actor.contactId().equals(survey.contactId())) {
            throw TicketProblems.forbidden("only the customer who was asked rates the answer");
        }
        return comment == null || comment.isBlank() ? rate(survey, rating, via, true) : comment(survey, rating, comment, via);
    }

    @Transactional(readOnly = true)
    public Optional<SurveyView> byToken(String token) {
        return find("token_hash = ?", hash(token));
    }

    /** A ticket's surveys, newest first, for whoever may see the ticket. */
    @Transactional(readOnly = true)
    public List<SurveyView> ofTicket(TicketId ticket, Actor actor) {
        tickets.get(ticket, actor);
        return jdbc.sql("SELECT * FROM satisfaction_survey WHERE ticket_id = ? ORDER BY asked_at DESC, id DESC")
                .param(ticket.value()).query(Surveys::row).list();
    }

    /**
     * The ticket's latest survey if it asked the signed-in customer and is still worth showing them (the portal's
     * prompt): rated, or open to a rating; another contact's or a lapsed unanswered one is not.
     */
    @Transactional(readOnly = true)
    public Optional<SurveyView> forRequester(TicketId ticket, Actor actor) {
        if (actor.isStaff() || actor.contactId() == null) {
            return Optional.empty();
        }
        tickets.get(ticket, actor);
        Instant now = clock.instant();
        return latest(ticket).filter(s -> s.contactId().equals(actor.contactId()) && (s.rated() || !s.expiredAt(now)));
    }

    private Optional<SurveyView> latest(TicketId ticket) {
        return jdbc.sql("SELECT * FROM satisfaction_survey WHERE ticket_id = ? ORDER BY asked_at DESC, id DESC LIMIT 1")
                .param(ticket.value()).query(Surveys::row).optional();
    }

    private Answer rate(SurveyView survey, Rating rating, Channel via, boolean announce) {
        Instant now = clock.instant();
        if (survey.rated()) {
            return new Answer(Outcome.ALREADY_RATED, survey);
        }
        if (survey.expiredAt(now)) {
            return new Answer(Outcome.EXPIRED, survey);
        }
        int changed = jdbc.sql("UPDATE satisfaction_survey SET rating = ?, rated_at = ?, rated_via = ?, rated_month = ? "
                        + "WHERE id = ? AND rating IS NULL AND expires_at > ?")
                .params(rating.name(), Timestamp.from(now), via.name(), YearMonth.from(now.atZone(zone)).toString(), survey.id(),
                        Timestamp.from(now))
                .update();
        SurveyView after = find("id = ?", survey.id()).orElseThrow();
        if (changed == 0) {
            return new Answer(after.rated() ? Outcome.ALREADY_RATED : Outcome.EXPIRED, after);
        }
        tickets.recordOnTimeline(survey.ticketId(), new TimelineEntry(now, null, contactName(survey), "SATISFACTION_RATED",
                "satisfaction", null, rating.name(), "rated " + rating.name().toLowerCase(Locale.ROOT) + " by " + via));
        if (announce) {
            events.publishEvent(new SatisfactionRated(survey.id(), survey.ticketId(), rating, null, now));
        }
        return new Answer(Outcome.RECORDED, after);
    }

    private Answer comment(SurveyView survey, @Nullable Rating rating, String text, Channel via) {
        Instant now = clock.instant();
        String comment = text.strip();
        if (comment.length() > MAX_COMMENT) {
            throw TicketProblems.invalid("a comment has at most " + MAX_COMMENT + " characters");
        }
        boolean ratedNow = false;
        if (!survey.rated()) {
            if (rating == null) {
                throw TicketProblems.invalid("choose good or bad first");
            }
            Answer rated = rate(survey, rating, via, comment.isEmpty());
            if (rated.outcome() != Outcome.RECORDED) {
                return rated;
            }
            ratedNow = true;
        }
        if (survey.expiredAt(now)) {
            return new Answer(Outcome.EXPIRED, survey);
        }
        if (comment.isEmpty()) {
            return new Answer(Outcome.RECORDED, find("id = ?", survey.id()).orElseThrow());
        }
        int changed = jdbc.sql("UPDATE satisfaction_survey SET comment = ?, commented_at = ? WHERE id = ? AND comment IS NULL")
                .params(comment, Timestamp.from(now), survey.id()).update();
        SurveyView after = find("id = ?", survey.id()).orElseThrow();
        if (changed == 0) {
            return new Answer(Outcome.ALREADY_RATED, after);
        }
        tickets.recordOnTimeline(survey.ticketId(), new TimelineEntry(now, null, contactName(survey), "SATISFACTION_COMMENT",
                null, null, null, comment));
        if (ratedNow || after.rating() == Rating.BAD) { // a rating with its comment is told once; a bad one's later comment too
            events.publishEvent(new SatisfactionRated(survey.id(), survey.ticketId(), after.rating(), comment, now));
        }
        return new Answer(Outcome.RECORDED, after);
    }

    /** Who answered the customer last, for a ticket resolved without an assignee. */
    private @Nullable Long lastAnswerer(TicketId id) {
        return tickets.messagesOf(id).stream().filter(m -> m.kind() == org.atende.tickets.MessageKind.AGENT && m.authorUserId() != null)
                .reduce((first, second) -> second).map(m -> m.authorUserId().value()).orElse(null);
    }

    private String contactName(SurveyView survey) {
        return customers.contact(survey.contactId()).map(ContactSummary::name).orElse("customer");
    }

    private Optional<SurveyView> find(String where, Object value) {
        return jdbc.sql("SELECT * FROM satisfaction_survey WHERE " + where).param(value).query(Surveys::row).optional();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SurveyView row(ResultSet rs, int n) throws SQLException {
        String rating = rs.getString("rating");
        String via = rs.getString("rated_via");
        Timestamp rated = rs.getTimestamp("rated_at");
        Timestamp commented = rs.getTimestamp("commented_at");
        return new SurveyView(rs.getLong("id"), new TicketId(rs.getLong("ticket_id")), new ContactId(rs.getLong("contact_id")),
                Channel.valueOf(rs.getString("channel")), Language.valueOf(rs.getString("language")),
                rs.getTimestamp("asked_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                rating == null ? null : Rating.valueOf(rating), rated == null ? null : rated.toInstant(),
                via == null ? null : Channel.valueOf(via), rs.getString("comment"), commented == null ? null : commented.toInstant());
    }
}
