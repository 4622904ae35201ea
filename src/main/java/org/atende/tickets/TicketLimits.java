package org.atende.tickets;

import java.net.URI;
import java.util.Collection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * {@code atende.limits.*}: how much one request may pile on a ticket, whoever sends it. Past a limit the request
 * is refused with a 400 of type {@code …/problems/limit-exceeded} whose {@code limit} names the setting,
 * {@code allowed} its value and {@code actual} what was sent.
 *
 * @param subjectLength characters of a subject ({@code ATENDE_LIMITS_SUBJECTLENGTH}, 300)
 * @param messageLength characters of a message ({@code ATENDE_LIMITS_MESSAGELENGTH}, 100000)
 * @param tagsPerTicket tags on one ticket ({@code ATENDE_LIMITS_TAGSPERTICKET}, 20)
 * @param tagLength characters of a tag ({@code ATENDE_LIMITS_TAGLENGTH}, 60)
 * @param attachmentsPerMessage files on one message ({@code ATENDE_LIMITS_ATTACHMENTSPERMESSAGE}, 10)
 */
@ConfigurationProperties("atende.limits")
public record TicketLimits(@DefaultValue("300") int subjectLength, @DefaultValue("100000") int messageLength,
        @DefaultValue("20") int tagsPerTicket, @DefaultValue("60") int tagLength,
        @DefaultValue("10") int attachmentsPerMessage) {

    public static TicketLimits defaults() {
        return new TicketLimits(300, 100_000, 20, 60, 10);
    }

    void subject(String subject) {
        check("subject-length", subjectLength, subject.length(), "a subject has at most %d characters; this one has %d");
    }

    void message(String body) {
        check("message-length", messageLength, body.length(), "a message has at most %d characters; this one has %d");
    }

    void tags(Collection<String> tags) {
        check("tags-per-ticket", tagsPerTicket, tags.size(), "a ticket has at most %d tags; this would have %d");
        for (String tag : tags) {
            check("tag-length", tagLength, tag.length(), "a tag has at most %d characters; one has %d");
        }
    }

    void attachments(long alreadyOnMessage) {
        check("attachments-per-message", attachmentsPerMessage, alreadyOnMessage + 1,
                "a message has at most %d attachments; this would be number %d");
    }

    private static void check(String limit, int allowed, long actual, String detail) {
        if (actual > allowed) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail.formatted(allowed, actual));
            body.setType(URI.create(TicketProblems.BASE + "limit-exceeded"));
            body.setTitle("Limit exceeded");
            body.setProperty("limit", "atende.limits." + limit);
            body.setProperty("allowed", allowed);
            body.setProperty("actual", actual);
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, body, null);
        }
    }
}
