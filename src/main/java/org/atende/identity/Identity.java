package org.atende.identity;

import java.util.List;
import java.util.Optional;

import org.atende.customers.Language;
import org.atende.identity.internal.Invitations;
import org.atende.identity.internal.Teams;
import org.atende.identity.internal.Tokens;
import org.atende.identity.internal.Users;
import org.jspecify.annotations.Nullable;
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

    private final Users users;
    private final Teams teams;
    private final Tokens tokens;
    private final Invitations invitations;

    Identity(Users users, Teams teams, Tokens tokens, Invitations invitations) {
        this.users = users;
        this.teams = teams;
        this.tokens = tokens;
        this.invitations = invitations;
    }

    /**
     * The actor behind an API token's secret, if the token exists, is neither revoked nor expired, and
     * its user is active. Records when the token was last used (at most once a minute).
     */
    @Transactional
    public Optional<Actor> authenticate(String bearerSecret) {
        return tokens.authenticate(bearerSecret);
    }

    /** The actor an active user signs in as; empty for an unknown or inactive user. */
    public Optional<Actor> actor(UserId id) {
        return users.find(id).filter(UserSummary::active)
                .map(u -> new Actor(u.id(), u.name(), u.role(), u.organisationId(), u.contactId()));
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
        return users.create(draft);
    }

    @Transactional
    public UserSummary updateUser(UserId id, UserDraft draft) {
        return users.replace(id, draft);
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
        users.create(new UserDraft(email, "Administrator", Role.ADMIN, null, null, null, true, password));
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
        return tokens.issue(user, draft);
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
        return tokens.revoke(id);
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
