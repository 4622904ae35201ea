package org.atende.macros;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a macro's text may say with {@code {{name}}} (spaces inside the braces and case do not matter). Each is
 * filled in the language of the text being sent; a value the ticket does not have is written as the documented
 * fallback (see {@link PlaceholderValues}).
 */
public enum Placeholder {
    CONTACT_FIRST_NAME("contact.firstName"),
    CONTACT_NAME("contact.name"),
    TICKET_NUMBER("ticket.number"),
    TICKET_SUBJECT("ticket.subject"),
    AGENT_NAME("agent.name"),
    AGENT_FIRST_NAME("agent.firstName"),
    ORGANISATION_NAME("organisation.name"),
    PLAN_NAME("plan.name"),
    FIRST_RESPONSE_DUE("sla.firstResponseDue"),
    RESOLUTION_DUE("sla.resolutionDue");

    private final String key;

    Placeholder(String key) {
        this.key = key;
    }

    /** The name between the braces, {@code contact.firstName}. */
    public String key() {
        return key;
    }

    /** As written in a text, {@code {{contact.firstName}}}. */
    public String token() {
        return "{{" + key + "}}";
    }

    public static Optional<Placeholder> named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.key.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
