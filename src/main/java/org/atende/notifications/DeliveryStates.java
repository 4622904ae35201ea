package org.atende.notifications;

import org.atende.tickets.DeliveryState;

/** The order delivery states move in: queued, sent, delivered, read; a failure ranks above them all and is final. */
final class DeliveryStates {

    private DeliveryStates() {
    }

    static int rank(DeliveryState state) {
        return switch (state) {
            case QUEUED -> 0;
            case SENT -> 1;
            case DELIVERED -> 2;
            case READ -> 3;
            case FAILED -> 9;
        };
    }
}
