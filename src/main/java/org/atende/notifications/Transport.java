package org.atende.notifications;

/**
 * Sends outgoing messages of one channel. {@link #send} returns when the channel accepted the message,
 * with the id the channel gave it if it gives one (a WhatsApp wamid, which later statuses name); it
 * throws {@link TransportException} saying whether trying again may help.
 */
public interface Transport {

    org.atende.tickets.Channel channel();

    @org.jspecify.annotations.Nullable String send(OutgoingView message) throws TransportException;
}
