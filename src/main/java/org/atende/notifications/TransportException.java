package org.atende.notifications;

import org.jspecify.annotations.Nullable;

/**
 * A channel did not take a message: {@code permanent} when sending it again cannot help (the recipient
 * does not exist, the message is refused), else it is retried with backoff. {@link #channelDown} when the
 * channel itself failed (not configured, server unreachable, login refused): the message is not to blame,
 * so it and the channel's other messages are held until the channel is tried again.
 */
public class TransportException extends Exception {

    private final boolean permanent;
    private final boolean channelDown;

    public TransportException(String message, boolean permanent, @Nullable Throwable cause) {
        this(message, permanent, false, cause);
    }

    private TransportException(String message, boolean permanent, boolean channelDown, @Nullable Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.channelDown = channelDown;
    }

    /** The channel failed, not the message. */
    public static TransportException channelDown(String message, @Nullable Throwable cause) {
        return new TransportException(message, false, true, cause);
    }

    public boolean permanent() {
        return permanent;
    }

    public boolean channelDown() {
        return channelDown;
    }
}
