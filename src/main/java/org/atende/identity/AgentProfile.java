package org.atende.identity;

import java.util.Set;

import org.atende.customers.Language;
import org.jspecify.annotations.Nullable;

/**
 * What routing knows of a staff member: their team, whether they take new tickets now, and the languages they
 * answer in (empty: none declared).
 */
public record AgentProfile(UserId id, String name, Role role, @Nullable TeamId teamId, boolean active,
        Availability availability, Set<Language> languages) {

    public AgentProfile {
        languages = Set.copyOf(languages);
    }

    public boolean available() {
        return active && availability == Availability.AVAILABLE;
    }

    public boolean speaks(Language language) {
        return languages.contains(language);
    }
}
