package org.atende.customers;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an organisation is created or replaced with. E-mail domains are stored lower case and belong to
 * one organisation only; {@code calendarId} names a stored calendar that replaces the SLA policy's.
 */
public record OrganisationDraft(String name, PlanId planId, Language language, @Nullable Long calendarId,
        List<String> emailDomains) {

    public OrganisationDraft {
        emailDomains = emailDomains == null ? List.of() : List.copyOf(emailDomains);
    }
}
