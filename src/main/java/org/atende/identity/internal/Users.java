package org.atende.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.identity.UserId;
import org.atende.identity.TeamId;
import org.atende.identity.UserSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and finds users; behind {@link org.atende.identity.Identity}. */
@Service
@Transactional
public class Users {

    static final int MIN_PASSWORD = PasswordRules.MIN_LENGTH;
    static final int MAX_PASSWORD = PasswordRules.MAX_LENGTH;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final UserRepository users;
    private final TeamRepository teams;
    private final Customers customers;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final PasswordRules rules;
    private final OtherSessions sessions;
    private final RecentActors recentActors;

    Users(UserRepository users, TeamRepository teams, Customers customers, PasswordEncoder passwords,
            ObjectProvider<Clock> clock, PasswordRules rules, OtherSessions sessions, RecentActors recentActors) {
        this.recentActors = recentActors;
        this.rules = rules;
        this.sessions = sessions;
        this.users = users;
        this.teams = teams;
        this.customers = customers;
        this.passwords = passwords;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> find(UserId id) {
        return users.findById(id.value()).map(User::summary);
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> findByEmail(String email) {
        return users.findByEmail(email.strip().toLowerCase(Locale.ROOT)).map(User::summary);
    }

    @Transactional(readOnly = true)
    public List<UserSummary> ofContact(org.atende.customers.ContactId contact) {
        return users.findByContact(contact.value()).stream().map(User::summary).toList();
    }

    @Transactional(readOnly = true)
    public List<UserSummary> activeStaffOf(TeamId team) {
        return users.findActiveStaffOfTeam(team.value()).stream().map(User::summary).toList();
    }

    public List<UserSummary> active(Role role) {
        return users.findActiveByRole(role.name()).stream().map(User::summary).toList();
    }

    public List<UserSummary> page(int page, int size) {
        return users.findPage(size, (long) page * size).stream().map(User::summary).toList();
    }

    @Transactional(readOnly = true)
    public long count() {
        return users.count();
    }

    /** True when at least one active administrator exists. */
    @Transactional(readOnly = true)
    public boolean hasActiveAdmin() {
        return users.countActiveAdminsExcept(-1) > 0;
    }

    public UserSummary create(UserDraft draft) {
        User.Profile profile = validate(draft, -1);
        User user = User.create(profile, draft.password() == null ? null : passwords.encode(draft.password()),
                clock.instant());
        return save(user).summary();
    }

    public UserSummary replace(UserId id, UserDraft draft) {
        User user = users.findById(id.value()).orElseThrow(() -> new NoSuchElementException("No user " + id + "."));
        User.Profile profile = validate(draft, id.value());
        boolean staysAdmin = profile.active() && profile.role() == Role.ADMIN;
        if (user.isActiveAdmin() && !staysAdmin && users.countActiveAdminsExcept(id.value()) == 0) {
            throw Problems.conflict("role", "cannot change: this is the last active administrator");
        }
        user.replace(profile);
        if (draft.password() != null) {
            user.changePassword(passwords.encode(draft.password()));
            sessions.endAll(profile.email(), null);
        }
        return save(user).summary();
    }

    /** The language the user's pages speak; null: the browser's. */
    public UserSummary speak(UserId id, @Nullable Language language) {
        User user = users.findById(id.value()).orElseThrow(() -> new NoSuchElementException("No user " + id + "."));
        user.speak(language);
        return save(user).summary();
    }

    /**
     * A user's own password change: the current password must match, the new one follow {@link PasswordRules}.
     * Refused with a problem on {@code currentPassword} or {@code newPassword}. Every other session of the user
     * ends; {@code keepSession} (the one that asked) goes on.
     */
    public void changeOwnPassword(UserId id, String current, String next, @Nullable String keepSession) {
        User user = users.findById(id.value()).orElseThrow(() -> new NoSuchElementException("No user " + id + "."));
        if (user.passwordHash() == null || !passwords.matches(current, user.passwordHash())) {
            throw Problems.invalid("currentPassword", "does not match");
        }
        setPassword(user, next, keepSession);
    }

    /**
     * Sets a password without asking for the old one: for invitations and resets, which prove the mailbox.
     * Every session of the user ends.
     */
    public void setPassword(UserId id, String password) {
        setPassword(users.findById(id.value()).orElseThrow(() -> new NoSuchElementException("No user " + id + ".")),
                password, null);
    }

    private void setPassword(User user, String password, @Nullable String keepSession) {
        UserSummary who = user.summary();
        PasswordRules.Refusal refusal = rules.refusal(password, who.name(), localPart(who.email()));
        if (refusal != null) {
            throw Problems.invalid("newPassword", refusal.message);
        }
        user.changePassword(passwords.encode(password));
        save(user);
        sessions.endAll(who.email(), keepSession);
    }

    /** The person's own part of the address; the domain is the organisation's, shared with colleagues. */
    private static String localPart(String email) {
        int at = email.indexOf('@');
        return at < 0 ? email : email.substring(0, at);
    }

    private User.Profile validate(UserDraft draft, long self) {
        Problems problems = new Problems();
        String email = draft.email() == null ? "" : draft.email().strip().toLowerCase(Locale.ROOT);
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            problems.add("email", "must be an e-mail address such as ana@example.com");
        }
        String name = Problems.text(draft.name(), "name", 200, problems);
        String password = draft.password();
        PasswordRules.Refusal refusal = password == null ? null : rules.refusal(password, draft.name(), localPart(email));
        if (refusal != null) {
            problems.add("password", refusal.message);
        }
        if (draft.role() == null) {
            problems.add("role", "must be one of CUSTOMER, AGENT, LEAD, ADMIN");
        } else if (draft.role() == Role.CUSTOMER) {
            checkCustomer(draft, problems);
        } else {
            checkStaff(draft, problems);
        }
        problems.throwIfInvalid();
        if (users.emailTaken(email, self)) {
            problems.add("email", "is already used by another user");
        }
        problems.throwIfConflicting();
        return new User.Profile(email, name, draft.role(),
                draft.organisationId() == null ? null : draft.organisationId().value(),
                draft.contactId() == null ? null : draft.contactId().value(),
                draft.teamId() == null ? null : draft.teamId().value(), draft.active());
    }

    private void checkCustomer(UserDraft draft, Problems problems) {
        if (draft.organisationId() == null) {
            problems.add("organisationId", "is required for a customer");
        } else if (customers.organisation(draft.organisationId()).isEmpty()) {
            problems.add("organisationId", "is not a known organisation");
        }
        if (draft.contactId() != null) {
            Optional<ContactSummary> contact = customers.contact(draft.contactId());
            if (contact.isEmpty() || !contact.get().organisationId().equals(draft.organisationId())) {
                problems.add("contactId", "is not a contact of the organisation");
            }
        }
        if (draft.teamId() != null) {
            problems.add("teamId", "must be empty for a customer");
        }
    }

    private void checkStaff(UserDraft draft, Problems problems) {
        if (draft.organisationId() != null) {
            problems.add("organisationId", "must be empty for staff");
        }
        if (draft.contactId() != null) {
            problems.add("contactId", "must be empty for staff");
        }
        if (draft.teamId() != null && !teams.existsById(draft.teamId().value())) {
            problems.add("teamId", "is not a known team");
        }
    }

    /** A user's role, organisation or activity may change what its tokens let in: cached actors are forgotten. */
    private User save(User user) {
        recentActors.forgetAll();
        try {
            return users.save(user);
        } catch (DuplicateKeyException e) { // a concurrent write took the e-mail
            throw Problems.conflict("email", "is already used by another user");
        }
    }
}
