package org.atende.notifications;

/** Where an outgoing message is: waiting to be sent (or sent again), sent, or given up on. */
public enum OutgoingState {
    QUEUED, SENT, FAILED
}
