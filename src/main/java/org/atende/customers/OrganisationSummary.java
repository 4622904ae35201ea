package org.atende.customers;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What other modules may know of an organisation. {@code calendarId} names a stored calendar that
 * replaces the SLA policy's for this organisation's tickets, when set; {@code accountLeadId} is the
 * staff user who looks after it.
 */
public record OrganisationSummary(OrganisationId id, String name, PlanId planId, Language language,
        List<String> emailDomains, @Nullable Long calendarId, @Nullable Long accountLeadId) {

    public OrganisationSummary(OrganisationId id, String name, PlanId planId, Language language,
            List<String> emailDomains, @Nullable Long calendarId) {
        this(id, name, planId, language, emailDomains, calendarId, null);
    }
}
