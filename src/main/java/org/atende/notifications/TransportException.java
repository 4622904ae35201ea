package org.atende.notifications;

/**
 * A channel did not take a message: {@code permanent} when sending it again cannot help (the recipient
 * does not exist, the message is refused), else it is retried with backoff.
 */
public class TransportException extends Exception {

    private final boolean permanent;

    public TransportException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
