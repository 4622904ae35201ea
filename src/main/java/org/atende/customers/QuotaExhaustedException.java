package org.atende.customers;

import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A ticket refused because the organisation's plan allows no more this month and refuses what is past
 * it: HTTP 403, problem type {@code quota-exhausted}, with the allowance, what is used and when it
 * renews; the detail is in the contact's language, for any channel to pass on as it is.
 */
public final class QuotaExhaustedException extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://atende.example/problems/quota-exhausted");

    private final int allowance;
    private final int used;
    private final YearMonth month;
    private final Instant renewsAt;
    private final String message;

    QuotaExhaustedException(int allowance, int used, YearMonth month, Instant renewsAt, String message) {
        super(HttpStatus.FORBIDDEN, problem(allowance, used, month, renewsAt, message), null);
        this.allowance = allowance;
        this.used = used;
        this.month = month;
        this.renewsAt = renewsAt;
        this.message = message;
    }

    public int allowance() {
        return allowance;
    }

    public int used() {
        return used;
    }

    public YearMonth month() {
        return month;
    }

    public Instant renewsAt() {
        return renewsAt;
    }

    /** What to tell the customer, in the contact's language. */
    public String customerMessage() {
        return message;
    }

    private static ProblemDetail problem(int allowance, int used, YearMonth month, Instant renewsAt, String message) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, message);
        body.setType(TYPE);
        body.setTitle("Monthly ticket allowance used up");
        body.setProperty("allowance", allowance);
        body.setProperty("used", used);
        body.setProperty("month", month.toString());
        body.setProperty("renewsAt", renewsAt.toString());
        return body;
    }
}
