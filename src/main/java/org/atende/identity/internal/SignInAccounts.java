package org.atende.identity.internal;

import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Form login's view of users: the e-mail is the user name; users without a password (API-only) and
 * inactive users cannot sign in.
 */
@Component
class SignInAccounts implements UserDetailsService {

    private final UserRepository users;

    SignInAccounts(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        User user = users.findByEmail(username.strip().toLowerCase(Locale.ROOT))
                .filter(u -> u.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("no user who signs in with a password"));
        var summary = user.summary();
        return org.springframework.security.core.userdetails.User.withUsername(summary.email())
                .password(user.passwordHash())
                .roles(summary.role().name())
                .disabled(!summary.active())
                .build();
    }
}
