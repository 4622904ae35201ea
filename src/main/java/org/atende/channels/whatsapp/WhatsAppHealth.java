package org.atende.channels.whatsapp;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How the WhatsApp channel is doing, as this instance saw it: the settings (never a secret), when the
 * webhook's subscription handshake last succeeded, when the last correctly signed notification came,
 * and the last error the Graph API gave. Kept in memory per instance.
 */
@Component
public class WhatsAppHealth {

    /** The channel's settings and facts; {@code phoneNumberId} lists every number served, the first first. */
    public record State(boolean enabled, @Nullable String phoneNumberId, String graphVersion, boolean verifyTokenSet,
            @Nullable Instant lastHandshakeAt, @Nullable Instant lastSignedNotificationAt, @Nullable Instant lastGraphErrorAt,
            @Nullable String lastGraphError) {

        /** The webhook is verified once Meta's handshake or a signed notification reached this instance. */
        public boolean webhookVerified() {
            return lastHandshakeAt != null || lastSignedNotificationAt != null;
        }
    }

    private record GraphError(Instant at, String message) {
    }

    private final WhatsAppProperties properties;
    private final Clock clock;
    private final AtomicReference<@Nullable Instant> handshake = new AtomicReference<>();
    private final AtomicReference<@Nullable Instant> notification = new AtomicReference<>();
    private final AtomicReference<@Nullable GraphError> graphError = new AtomicReference<>();

    WhatsAppHealth(WhatsAppProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public State state() {
        GraphError error = graphError.get();
        String verifyToken = properties.verifyToken();
        var numbers = properties.served().stream().map(WhatsAppProperties.BusinessNumber::phoneNumberId).toList();
        return new State(properties.enabled(), numbers.isEmpty() ? null : String.join(", ", numbers), properties.graphVersion(),
                verifyToken != null && !verifyToken.isBlank(), handshake.get(), notification.get(),
                error == null ? null : error.at(), error == null ? null : error.message());
    }

    void handshakeSucceeded() {
        handshake.set(clock.instant());
    }

    void signedNotificationReceived() {
        notification.set(clock.instant());
    }

    void graphFailed(String message) {
        graphError.set(new GraphError(clock.instant(), message.length() > 500 ? message.substring(0, 500) : message));
    }
}
