package org.atende.customers.internal;

import java.time.Instant;

import org.atende.customers.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A person at a customer organisation; the e-mail is lower case and unique, the phone E.164. */
@Table("contact")
class Contact {

    @Id
    @Column("id")
    private @Nullable Long id;

    @Column("organisation_id")
    private final long organisationId;

    @Column("name")
    private String name;

    @Column("email")
    private String email;

    @Column("phone")
    private @Nullable String phone;

    @Column("language")
    private Language language;

    @Column("time_zone")
    private @Nullable String timeZone;

    @Column("created_at")
    private final Instant createdAt;

    @PersistenceCreator
    Contact(@Nullable Long id, long organisationId, String name, String email, @Nullable String phone,
            Language language, @Nullable String timeZone, Instant createdAt) {
        this.id = id;
        this.organisationId = organisationId;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.language = language;
        this.timeZone = timeZone;
        this.createdAt = createdAt;
    }

    static Contact create(long organisationId, String name, String email, @Nullable String phone, Language language,
            String timeZone, Instant now) {
        return new Contact(null, organisationId, name, email, phone, language, timeZone, now);
    }

    /** Replaces what staff edit; a time zone left out stays as it was. */
    void replace(String name, String email, @Nullable String phone, Language language, @Nullable String timeZone) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.language = language;
        if (timeZone != null) {
            this.timeZone = timeZone;
        }
    }

    @Nullable Long id() {
        return id;
    }
}
