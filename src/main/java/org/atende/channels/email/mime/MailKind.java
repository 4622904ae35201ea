package org.atende.channels.email.mime;

/**
 * What kind of sender wrote a mail. Only a {@code HUMAN} mail opens or reopens a ticket and gets an
 * acknowledgement; an {@code OUT_OF_OFFICE} answer is kept on its ticket; a {@code BOUNCE} marks the mail it
 * answers failed; an {@code AUTOMATED} mail (notifications, lists, loops) is recorded and nothing more.
 */
public enum MailKind {
    HUMAN, AUTOMATED, OUT_OF_OFFICE, BOUNCE
}
