package org.atende.tickets;

/** Customer Care's classification of a ticket (Baja, Media, Alta, Urgente). */
public enum Priority {
    LOW, MEDIUM, HIGH, URGENT
}
