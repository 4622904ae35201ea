package org.atende.tickets;

import org.springframework.data.relational.core.mapping.Table;

/** A tag on a ticket (lower case, no spaces). */
@Table("ticket_tag")
record TicketTag(String tag) {
}
