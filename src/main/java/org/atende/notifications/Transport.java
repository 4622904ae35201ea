package org.atende.notifications;

import org.jspecify.annotations.Nullable;

/**
 * Sends outgoing messages of one channel. {@link #send} returns when the channel accepted the message,
 * with the id the channel gave it if it gives one (a WhatsApp wamid, which later statuses name); it
 * throws {@link TransportException} saying whether trying again may help, or that the channel itself is
 * down. {@link #notConfigured} says why the channel cannot send at all: its messages are then held.
 */
public interface Transport {

    org.atende.tickets.Channel channel();

    @Nullable String send(OutgoingView message) throws TransportException;

    /** Why this channel cannot send (e.g. "SMTP not configured"), or null when it is configured. */
    default @Nullable String notConfigured() {
        return null;
    }
}
