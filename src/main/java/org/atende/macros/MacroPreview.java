package org.atende.macros;

import java.util.List;

import org.atende.customers.Language;
import org.atende.tickets.TicketId;
import org.jspecify.annotations.Nullable;

/**
 * What applying a macro to a ticket sends and changes: the reply with its placeholders filled ({@code null} when
 * the macro has no text), in {@code language} ({@code fallback} when that is not the ticket's own, which the
 * macro has no text in), and each change. {@code ticketVersion} is the version of the ticket it was worked out on.
 */
public record MacroPreview(long macroId, String macroName, TicketId ticketId, Language ticketLanguage, @Nullable Language language,
        boolean fallback, @Nullable String body, List<MacroChange> changes, int ticketVersion) {

    public MacroPreview {
        changes = List.copyOf(changes);
    }

    MacroPreview withBody(@Nullable String sent) {
        return new MacroPreview(macroId, macroName, ticketId, ticketLanguage, language, fallback, sent, changes, ticketVersion);
    }
}
