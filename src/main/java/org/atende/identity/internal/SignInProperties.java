package org.atende.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atende.sign-in.*}: how password sign-in defends itself.
 *
 * @param maxFailures wrong passwords in a row that lock an account ({@code ATENDE_SIGN_IN_MAX_FAILURES}, 5)
 * @param lockout how long the lock lasts ({@code ATENDE_SIGN_IN_LOCKOUT}, 15 minutes)
 * @param attemptsPerMinute sign-in posts accepted per client address and minute; more answer 429
 *        ({@code ATENDE_SIGN_IN_ATTEMPTS_PER_MINUTE}, 10)
 */
@ConfigurationProperties("atende.sign-in")
record SignInProperties(@DefaultValue("5") int maxFailures, @DefaultValue("PT15M") Duration lockout,
        @DefaultValue("10") int attemptsPerMinute) {
}
