package org.atende.identity;

/**
 * An invitation to send now, in the transaction that issued it: the invitee's address, and the subject
 * and text already written in the invitee's language (the text carries the one-time link). Published
 * synchronously; the e-mail channel puts it in the outbox. Never stored as an event: it holds the link.
 */
public record InvitationMail(UserId userId, String recipient, String subject, String body) {

    @Override
    public String toString() {
        return "InvitationMail[userId=" + userId + ", recipient=" + recipient + "]";
    }
}
