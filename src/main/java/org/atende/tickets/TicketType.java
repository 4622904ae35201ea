package org.atende.tickets;

/** What kind of request a ticket is. Technical-service requests (database work) carry no SLA clocks. */
public enum TicketType {
    QUESTION, INCIDENT, PROBLEM, TASK, TECHNICAL_SERVICE;

    public boolean isSupport() {
        return this != TECHNICAL_SERVICE;
    }
}
