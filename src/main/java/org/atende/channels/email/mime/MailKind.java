package org.atende.channels.email.mime;

/**
 * Who wrote a mail, as far as its headers and structure tell. Only a {@code HUMAN} mail opens or reopens
 * a ticket and gets an acknowledgement. An {@code OUT_OF_OFFICE} answer is automatic mail too, but one
 * kept on the ticket it answers (the customer is away: worth seeing); it never gets an answer. A
 * {@code BOUNCE} is a report that a mail could not be delivered ({@link ParsedMail#bounce()} says which);
 * a report that a mail is only delayed is {@code AUTOMATED}. {@code AUTOMATED} mail (notifications,
 * lists, bulk, reports, the desk's own mail coming back) is recorded and nothing more.
 * <p>
 * Precedence: a failure report is a {@code BOUNCE} whatever its headers; the desk's own mail, mail
 * daemons and lists are {@code AUTOMATED} even when they look like an out-of-office; any other automatic
 * mail with an out-of-office sign is {@code OUT_OF_OFFICE}.
 */
public enum MailKind {
    HUMAN, AUTOMATED, OUT_OF_OFFICE, BOUNCE
}
