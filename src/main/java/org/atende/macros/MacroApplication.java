package org.atende.macros;

import org.atende.tickets.MessageView;
import org.atende.tickets.TicketView;
import org.jspecify.annotations.Nullable;

/** A macro applied: what was sent and changed, the reply it wrote (none for a macro without text) and the ticket after. */
public record MacroApplication(MacroPreview applied, @Nullable MessageView message, TicketView ticket) {
}
