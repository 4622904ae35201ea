package org.atende.notifications;

/**
 * Sends outgoing messages of one channel. {@link #send} returns normally when the channel accepted the
 * message; it throws {@link TransportException} saying whether trying again may help.
 */
public interface Transport {

    org.atende.tickets.Channel channel();

    void send(OutgoingView message) throws TransportException;
}
