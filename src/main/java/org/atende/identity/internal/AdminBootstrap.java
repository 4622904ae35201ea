package org.atende.identity.internal;

import org.atende.identity.Identity;
import org.atende.identity.IdentityDataException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * On start, creates the first administrator from {@code atende.bootstrap.admin-email} and
 * {@code atende.bootstrap.admin-password} when both are set and no active administrator exists. The
 * fact is logged; the password never is. A password the rules refuse stops the start.
 */
@Component
@EnableConfigurationProperties(AdminBootstrap.Settings.class)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    /**
     * {@code atende.bootstrap.*}.
     *
     * @param adminEmail the first administrator's e-mail ({@code ATENDE_BOOTSTRAP_ADMIN_EMAIL})
     * @param adminPassword its password, at least 12 characters ({@code ATENDE_BOOTSTRAP_ADMIN_PASSWORD})
     */
    @ConfigurationProperties("atende.bootstrap")
    record Settings(@Nullable String adminEmail, @Nullable String adminPassword) {

        @Override
        public String toString() {
            return "Settings[adminEmail=" + adminEmail + ", adminPassword=" + (adminPassword == null ? null : "***") + "]";
        }
    }

    private final Identity identity;
    private final Settings settings;

    AdminBootstrap(Identity identity, Settings settings) {
        this.identity = identity;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = settings.adminEmail();
        String password = settings.adminPassword();
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasPassword = password != null && !password.isEmpty();
        if (!hasEmail && !hasPassword) {
            return;
        }
        if (!hasEmail || !hasPassword) {
            log.warn("Set both atende.bootstrap.admin-email and atende.bootstrap.admin-password to create the first "
                    + "administrator; only the {} is set, so none was created", hasEmail ? "e-mail" : "password");
            return;
        }
        try {
            if (identity.createFirstAdmin(email, password)) {
                log.info("Created the first administrator, {}, from atende.bootstrap.admin-email", email.strip());
            } else {
                log.info("An active administrator exists already; atende.bootstrap.admin-* left unused");
            }
        } catch (IdentityDataException e) {
            if (e.getStatusCode() == HttpStatus.CONFLICT) {
                log.info("The first administrator was created meanwhile (by another instance?): {}", e.errors());
                return;
            }
            throw new IllegalStateException("atende.bootstrap.admin-*: cannot create the first administrator: "
                    + e.errors(), e);
        }
    }
}
