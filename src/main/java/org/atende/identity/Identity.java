package org.atende.identity;

import java.util.List;
import java.util.Optional;

import org.atende.audit.AuditAction;
import org.atende.audit.AuditKind;
import org.atende.audit.AuditedChange;
import org.atende.customers.Language;
import org.atende.identity.internal.Invitations;
import org.atende.identity.internal.Teams;
import org.atende.identity.internal.Tokens;
import org.atende.identity.internal.Users;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules ask of identity: who a bearer token belongs to, users and teams; and the writes,
 * which validate and refuse with an {@link IdentityDataException} listing every field at fault, or a
 * {@link java.util.NoSuchElementException} for an unknown id.
 */
@Service
@Transactional(readOnly = true)
public class Identity {

    /**
     * The request attribute under which a page request keeps the signed-in user (a {@link UserSummary}) as read once
     * for the request, so that what else the request needs of them (the page's language) is not read again.
     */
    public static final String SIGNED_IN_USER = "atende.signed-in-user";

    private final Users users;
    private final Teams teams;
    private final Tokens tokens;
    private final Invitations invitations;
    private final ApplicationEventPublisher events;

    Identity(Users users, Teams teams, Tokens tokens, Invitations invitations, ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.teams = teams;
        this.tokens = tokens;
        this.invitations = invitations;
    }

    /**
     * The actor behind an API token's secret, if the token exists, is neither revoked nor expired, and
     * its user is active. Records when the token was last used (at most once a minute). Outside any
     * transaction: the request's own work starts its own.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public Optional<Actor> authenticate(String bearerSecret) {
        return tokens.authenticate(bearerSecret);
    }

    /** The actor an active user signs in as; empty for an unknown or inactive user. */
    public Optional<Actor> actor(UserId id) {
        return users.find(id).filter(UserSummary::active).map(Identity::actorOf);
    }

    /** Who a user acts as. */
    public static Actor actorOf(UserSummary u) {
        return new Actor(u.id(), u.name(), u.role(), u.organisationId(), u.contactId());
    }

    public Optional<UserSummary> user(UserId id) {
        return users.find(id);
    }

    public Optional<UserSummary> userByEmail(String email) {
        return users.findByEmail(email);
    }

    /** The active staff users of a team (agents and its leads), by id. */
    public List<UserSummary> activeMembers(TeamId team) {
        return users.activeStaffOf(team);
    }

    /** The accounts linked to a contact (customer users), active or not. */
    public List<UserSummary> usersOf(org.atende.customers.ContactId contact) {
        return users.ofContact(contact);
    }

    /** The active users of a role (e.g. every lead), by id. */
    public List<UserSummary> activeWithRole(Role role) {
        return users.active(role);
    }

    /** One page of users by e-mail; {@code page} counts from 0. */
    public List<UserSummary> users(int page, int size) {
        return users.page(page, size);
    }

    public long countUsers() {
        return users.count();
    }

    @Transactional
    public UserSummary createUser(UserDraft draft) {
        UserSummary created = users.create(draft);
        events.publishEvent(AuditedChange.created(AuditKind.USER, created.id().value(), auditName(created),
                audited(created, draft.password() != null)));
        return created;
    }

    @Transactional
    public UserSummary updateUser(UserId id, UserDraft draft) {
        UserSummary before = users.find(id).orElse(null);
        UserSummary after = users.replace(id, draft);
        if (before != null) {
            events.publishEvent(AuditedChange.changed(AuditKind.USER, id.value(), auditName(after), audited(before, false),
                    audited(after, draft.password() != null)));
        }
        return after;
    }

    /**
     * A user as the audit log names it: staff by name, customers by id only, so that the append-only log
     * keeps no customer's personal data past an erasure.
     */
    private static String auditName(UserSummary user) {
        return user.role().isStaff() ? "User " + user.name() + " (#" + user.id().value() + ")" : "Customer user #" + user.id().value();
    }

    /** What the audit log keeps of a user: the access it has, never its e-mail or name (see {@link #auditName}). */
    private static java.util.Map<String, @Nullable Object> audited(UserSummary user, boolean passwordSet) {
        return AuditedChange.fields("role", user.role(), "active", user.active(),
                "team", user.teamId() == null ? null : user.teamId().value(),
                "organisation", user.organisationId() == null ? null : user.organisationId().value(),
                "contact", user.contactId() == null ? null : user.contactId().value(),
                "password", passwordSet ? "••••••••" : null); // set by an administrator; never the password itself
    }

    /** The language a user's pages speak; null: the browser's. */
    @Transactional
    public UserSummary speak(UserId id, @Nullable Language language) {
        return users.speak(id, language);
    }

    /**
     * A user's own password change, proven by the current password; the user's other sessions end,
     * {@code keepSession} (the session making the change) goes on.
     */
    @Transactional
    public void changeOwnPassword(UserId id, String currentPassword, String newPassword, @Nullable String keepSession) {
        users.changeOwnPassword(id, currentPassword, newPassword, keepSession);
    }

    /**
     * Creates the first administrator, unless an active one exists already; true when it did. For the
     * bootstrap at start-up, so that a fresh desk can be administered at all.
     */
    @Transactional
    public boolean createFirstAdmin(String email, String password) {
        if (users.hasActiveAdmin()) {
            return false;
        }
        createUser(new UserDraft(email, "Administrator", Role.ADMIN, null, null, null, true, password));
        return true;
    }

    public Optional<TeamSummary> team(TeamId id) {
        return teams.find(id);
    }

    /** Every team, by name. */
    public List<TeamSummary> teams() {
        return teams.all();
    }

    @Transactional
    public TeamSummary createTeam(TeamDraft draft) {
        return teams.create(draft);
    }

    @Transactional
    public TeamSummary updateTeam(TeamId id, TeamDraft draft) {
        return teams.replace(id, draft);
    }

    /** Issues a token for a user; the returned secret is never stored and cannot be shown again. */
    @Transactional
    public IssuedToken issueToken(UserId user, TokenDraft draft) {
        IssuedToken issued = tokens.issue(user, draft);
        TokenSummary token = issued.token();
        events.publishEvent(new AuditedChange(AuditKind.API_TOKEN, AuditAction.ISSUED, String.valueOf(token.id().value()),
                auditName(token), java.util.Map.of(), AuditedChange.fields("user", user.value(), "name", token.name(),
                        "prefix", token.prefix(), "expiresAt", token.expiresAt())));
        return issued;
    }

    public Optional<TokenSummary> token(TokenId id) {
        return tokens.find(id);
    }

    /** A user's tokens, newest first. */
    public List<TokenSummary> tokens(UserId user) {
        return tokens.of(user);
    }

    /** Revokes a token at once; revoking a revoked token changes nothing. */
    @Transactional
    public TokenSummary revokeToken(TokenId id) {
        TokenSummary before = tokens.find(id).orElse(null);
        TokenSummary after = tokens.revoke(id);
        if (before != null && before.revokedAt() == null) {
            events.publishEvent(new AuditedChange(AuditKind.API_TOKEN, AuditAction.REVOKED, String.valueOf(id.value()),
                    auditName(after), AuditedChange.fields("revokedAt", null), AuditedChange.fields("revokedAt", after.revokedAt())));
        }
        return after;
    }

    private static String auditName(TokenSummary token) {
        return "Token '" + token.name() + "' (" + token.prefix() + "…) of user #" + token.userId().value();
    }

    /**
     * Sends a user an invitation: an e-mail in the user's language with a one-time link, valid seven
     * days, to set a password. An earlier invitation of the user stops working. Refused (409) for an
     * inactive user.
     */
    @Transactional
    public InvitationSummary invite(UserId user, @Nullable UserId inviter) {
        return invitations.invite(user, inviter);
    }

    /** The invitation an invitation link's token names, while it may be used. */
    public Optional<InvitationSummary> invitation(String token) {
        return invitations.usable(token);
    }

    /** A user's invitation still waiting to be used. */
    public Optional<InvitationSummary> pendingInvitation(UserId user) {
        return invitations.pending(user);
    }

    /**
     * Sets the password of the invited user and spends the link; empty when the link does not work (used,
     * superseded, expired, unknown). A password against the rule is refused (problem on {@code newPassword}).
     */
    @Transactional
    public Optional<UserId> acceptInvitation(String token, String password) {
        return invitations.accept(token, password);
    }
}
