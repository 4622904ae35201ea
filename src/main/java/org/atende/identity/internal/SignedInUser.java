package org.atende.identity.internal;

import java.io.Serial;
import java.util.List;

import org.atende.identity.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * What the session keeps of someone signed in with a password: the user's id (the rest is read fresh on
 * every request by {@link SignedInActors}, so a role change or a deactivation takes effect at once).
 */
final class SignedInUser extends User {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final Role role;

    SignedInUser(long userId, String email, String passwordHash, Role role, boolean active, boolean locked) {
        super(email, passwordHash, active, true, true, !locked,
                List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.userId = userId;
        this.role = role;
    }

    /** The same user with another password hash (after a hash upgrade). */
    SignedInUser withPassword(String passwordHash) {
        return new SignedInUser(userId, getUsername(), passwordHash, role, isEnabled(), !isAccountNonLocked());
    }

    long userId() {
        return userId;
    }
}
