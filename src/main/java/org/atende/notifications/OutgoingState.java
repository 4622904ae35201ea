package org.atende.notifications;

/**
 * Where an outgoing message is: waiting to be sent (or sent again), held while its channel is not
 * configured or failing (the reason in its last error), sent, or given up on.
 */
public enum OutgoingState {
    QUEUED, HELD, SENT, FAILED
}
