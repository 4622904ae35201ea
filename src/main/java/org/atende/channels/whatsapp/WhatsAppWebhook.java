package org.atende.channels.whatsapp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WhatsApp Cloud API webhook. {@code GET}: the subscription handshake, answered with the challenge
 * when the verify token matches. {@code POST}: a notification, whose signature is checked over the raw
 * bytes before anything is read; it is committed as it came with its messages queued by sender, answered
 * {@code 200}, and worked through right after, apart from the request (and again later if that fails).
 * A notification for a number the desk does not serve is answered {@code 200} too, so that Meta stops
 * sending it, but nothing of it is stored: it is logged and forgotten.
 */
@RestController
@RequestMapping("/webhooks/whatsapp")
class WhatsAppWebhook {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhook.class);
    private static final String PROBLEMS = "https://atende.example/problems/";

    private final WhatsAppProperties properties;
    private final WebhookNotifications notifications;
    private final NotificationWork work;
    private final TaskExecutor executor;
    private final WhatsAppHealth health;
    private final SenderQueue senders;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    WhatsAppWebhook(WhatsAppProperties properties, WebhookNotifications notifications, NotificationWork work,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor, WhatsAppHealth health, SenderQueue senders, Clock clock) {
        this.health = health;
        this.senders = senders;
        this.clock = clock;
        this.properties = properties;
        this.notifications = notifications;
        this.work = work;
        this.executor = executor;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) @Nullable String mode,
            @RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
            @RequestParam(name = "hub.challenge", required = false) @Nullable String challenge) {
        String expected = properties.verifyToken();
        if ("subscribe".equals(mode) && expected != null && !expected.isBlank() && WebhookSignature.sameToken(token, expected)
                && challenge != null) {
            health.handshakeSucceeded();
            return ResponseEntity.ok(challenge);
        }
        log.warn("WhatsApp webhook verification refused (mode {})", mode);
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body("verification refused");
    }

    @PostMapping(consumes = MediaType.ALL_VALUE)
    ResponseEntity<?> notify(@RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) @Nullable String signature) {
        if (!properties.enabled()) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "the WhatsApp channel is not configured");
        }
        byte[] bytes = body == null ? new byte[0] : body;
        if (!WebhookSignature.valid(bytes, signature, properties.appSecret())) {
            log.warn("WhatsApp webhook refused: {} signature over {} bytes", signature == null ? "no" : "a wrong", bytes.length);
            return problem(HttpStatus.UNAUTHORIZED, "bad-signature", "Bad signature",
                    "X-Hub-Signature-256 must be the HMAC-SHA256 of the body with the app secret");
        }
        health.signedNotificationReceived();
        String text = new String(bytes, StandardCharsets.UTF_8);
        NotificationReading reading;
        try {
            reading = NotificationReading.of(json.readTree(text), properties, clock.instant());
        } catch (JacksonException e) {
            log.warn("WhatsApp webhook refused: a signed body that is not JSON ({} bytes)", bytes.length);
            return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", "the body is not JSON");
        }
        if (!reading.foreignNumbers().isEmpty()) {
            // Meta retries anything but a 2xx for days: it gets its 200, and nothing of it is kept or answered
            log.warn("WhatsApp notification for number(s) {} refused: not among the numbers this desk serves; nothing stored",
                    reading.foreignNumbers());
        }
        if (!reading.servesAnything()) {
            return ResponseEntity.ok().build();
        }
        long id = notifications.store(text, reading);
        if (reading.statuses()) {
            executor.execute(() -> work.process(id));
        }
        reading.messages().stream().map(NotificationReading.Queued::sender).distinct().forEach(senders::wake);
        return ResponseEntity.ok().build();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(PROBLEMS + slug));
        p.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
