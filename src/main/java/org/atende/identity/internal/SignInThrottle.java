package org.atende.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing from one address: each client address may post the sign-in form
 * {@code attemptsPerMinute} times a minute; past that the post answers 429 with {@code Retry-After} and
 * the sign-in page says why. Per instance and in memory (the last 10,000 addresses): the account lockout
 * ({@link SignInAttempts}) is the limit that holds across instances.
 */
final class SignInThrottle extends OncePerRequestFilter {

    static final String THROTTLED_PAGE = "/login/throttled";
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final int ADDRESSES = 10_000;

    private final int attemptsPerMinute;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > ADDRESSES;
        }
    });

    SignInThrottle(int attemptsPerMinute) {
        this.attemptsPerMinute = attemptsPerMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), address -> Bucket.builder()
                .addLimit(limit -> limit.capacity(attemptsPerMinute).refillGreedy(attemptsPerMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
        log.warn("Sign-in attempts from {} throttled for {} s", request.getRemoteAddr(), seconds);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        request.setAttribute("retryAfterSeconds", seconds);
        request.getRequestDispatcher(THROTTLED_PAGE).forward(request, response);
    }
}
