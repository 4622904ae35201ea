package org.atende.tickets;

/** What became of a message sent to the customer on its channel. */
public enum DeliveryState {
    QUEUED, SENT, DELIVERED, READ, FAILED
}
