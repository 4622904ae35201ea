package org.atende.identity.internal;

import java.time.Instant;

import org.atende.customers.ContactId;
import org.atende.customers.Language;
import org.atende.customers.OrganisationId;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** Someone who signs in. The password is kept only as a {@code DelegatingPasswordEncoder} hash. */
@Table("app_user")
class User {

    @Id
    @Column("id")
    private @Nullable Long id;

    @Column("email")
    private String email;

    @Column("name")
    private String name;

    @Column("role")
    private Role role;

    @Column("organisation_id")
    private @Nullable Long organisationId;

    @Column("contact_id")
    private @Nullable Long contactId;

    @Column("team_id")
    private @Nullable Long teamId;

    @Column("password_hash")
    private @Nullable String passwordHash;

    @Column("active")
    private boolean active;

    @Column("created_at")
    private final Instant createdAt;

    /** The language pages speak to this user in; null: the browser's. */
    @Column("language")
    private @Nullable Language language;

    @PersistenceCreator
    User(@Nullable Long id, String email, String name, Role role, @Nullable Long organisationId,
            @Nullable Long contactId, @Nullable Long teamId, @Nullable String passwordHash, boolean active,
            Instant createdAt, @Nullable Language language) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.role = role;
        this.organisationId = organisationId;
        this.contactId = contactId;
        this.teamId = teamId;
        this.passwordHash = passwordHash;
        this.active = active;
        this.createdAt = createdAt;
        this.language = language;
    }

    static User create(Profile profile, @Nullable String passwordHash, Instant now) {
        User user = new User(null, "", "", Role.CUSTOMER, null, null, null, passwordHash, true, now, null);
        user.replace(profile);
        return user;
    }

    /** Everything but the password, as validated by {@link Users}. */
    record Profile(String email, String name, Role role, @Nullable Long organisationId, @Nullable Long contactId,
            @Nullable Long teamId, boolean active) {
    }

    void replace(Profile profile) {
        this.email = profile.email();
        this.name = profile.name();
        this.role = profile.role();
        this.organisationId = profile.organisationId();
        this.contactId = profile.contactId();
        this.teamId = profile.teamId();
        this.active = profile.active();
    }

    void speak(@Nullable Language language) {
        this.language = language;
    }

    void changePassword(String hash) {
        this.passwordHash = hash;
    }

    boolean isActiveAdmin() {
        return active && role == Role.ADMIN;
    }

    @Nullable String passwordHash() {
        return passwordHash;
    }

    UserSummary summary() {
        return new UserSummary(new UserId(id), email, name, role,
                organisationId == null ? null : new OrganisationId(organisationId),
                contactId == null ? null : new ContactId(contactId), teamId == null ? null : new TeamId(teamId), active,
                language);
    }
}
