package org.atende.notifications.internal;

import java.net.URI;
import java.util.List;

import org.atende.identity.Actor;
import org.atende.notifications.DeskNotification;
import org.atende.notifications.DeskNotifications;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/notifications}: the signed-in staff user's unread desk notifications, and marking one read. */
@RestController
@RequestMapping("/api/v1/notifications")
class DeskNotificationController {

    private final DeskNotifications notifications;

    DeskNotificationController(DeskNotifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    List<DeskNotification> unread(@AuthenticationPrincipal @Nullable Actor actor) {
        return notifications.unread(staff(actor).userId());
    }

    /** 204 when marked (again: still 204); 404 for a notification that is not the caller's. */
    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        if (!notifications.markRead(staff(actor).userId(), id)) {
            throw problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no notification " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private static Actor staff(@Nullable Actor actor) {
        if (actor == null) {
            throw problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in first", "this needs a signed-in user");
        }
        if (!actor.isStaff()) {
            throw problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "desk notifications are for Customer Care staff");
        }
        return actor;
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("https://atende.example/problems/" + type));
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
