package org.atende.channels.whatsapp;

import org.jspecify.annotations.Nullable;

/**
 * The Graph API did not do what was asked. {@code permanent} when asking again cannot help (the number is
 * not on WhatsApp, the 24-hour window is closed, the template is wrong); else the outbox tries again
 * later. {@code status} is the HTTP status (0 when no answer came), {@code code} Graph's error code.
 */
public class GraphApiException extends Exception {

    private final boolean permanent;
    private final int status;
    private final @Nullable Integer code;

    public GraphApiException(String message, boolean permanent, int status, @Nullable Integer code, @Nullable Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.status = status;
        this.code = code;
    }

    public boolean permanent() {
        return permanent;
    }

    public int status() {
        return status;
    }

    public @Nullable Integer code() {
        return code;
    }

    /** An answer with an error: the 24-hour window closed (131047) is how a free text outside it fails. */
    public boolean windowClosed() {
        return code != null && code == GraphErrors.RE_ENGAGEMENT;
    }
}
