package org.atende.customers;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an organisation is created or replaced with. E-mail domains are stored lower case and belong to
 * one organisation only; {@code calendarId} names a stored calendar that replaces the SLA policy's;
 * {@code accountLeadId} is the staff user who looks after the organisation (and sees its tickets over quota).
 */
public record OrganisationDraft(String name, PlanId planId, Language language, @Nullable Long calendarId,
        List<String> emailDomains, @Nullable Long accountLeadId) {

    public OrganisationDraft {
        emailDomains = emailDomains == null ? List.of() : List.copyOf(emailDomains);
    }

    public OrganisationDraft(String name, PlanId planId, Language language, @Nullable Long calendarId,
            List<String> emailDomains) {
        this(name, planId, language, calendarId, emailDomains, null);
    }
}
