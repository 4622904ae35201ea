package org.atende.customers.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.atende.customers.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A customer organisation and the e-mail domains that identify it. Column names are explicit: the
 * tables are lower case on both H2 and PostgreSQL, and Spring Data JDBC quotes what it derives in upper
 * case on H2.
 */
@Table("organisation")
class Organisation {

    @Id
    @Column("id")
    private @Nullable Long id;

    @Column("name")
    private String name;

    @Column("plan_id")
    private long planId;

    @Column("language")
    private Language language;

    @Column("calendar_id")
    private @Nullable Long calendarId;

    @Column("account_lead_id")
    private @Nullable Long accountLeadId;

    @Column("created_at")
    private final Instant createdAt;

    @Version
    @Column("version")
    private @Nullable Integer version;

    @MappedCollection(idColumn = "organisation_id")
    private Set<Domain> domains;

    /** One e-mail domain, lower case; the table's key, so no two organisations share it. */
    @Table("organisation_domain")
    record Domain(@Column("domain") String name) {
    }

    @PersistenceCreator
    Organisation(@Nullable Long id, String name, long planId, Language language, @Nullable Long calendarId,
            @Nullable Long accountLeadId, Instant createdAt, @Nullable Integer version, Set<Domain> domains) {
        this.accountLeadId = accountLeadId;
        this.id = id;
        this.name = name;
        this.planId = planId;
        this.language = language;
        this.calendarId = calendarId;
        this.createdAt = createdAt;
        this.version = version;
        this.domains = domains;
    }

    static Organisation create(String name, long planId, Language language, @Nullable Long calendarId,
            @Nullable Long accountLeadId, List<String> domains, Instant now) {
        return new Organisation(null, name, planId, language, calendarId, accountLeadId, now, null, asDomains(domains));
    }

    void replace(String name, long planId, Language language, @Nullable Long calendarId, @Nullable Long accountLeadId,
            List<String> domains) {
        this.accountLeadId = accountLeadId;
        this.name = name;
        this.planId = planId;
        this.language = language;
        this.calendarId = calendarId;
        this.domains = asDomains(domains);
    }

    @Nullable Long id() {
        return id;
    }

    private static Set<Domain> asDomains(List<String> domains) {
        Set<Domain> set = new LinkedHashSet<>();
        domains.forEach(d -> set.add(new Domain(d)));
        return set;
    }
}
