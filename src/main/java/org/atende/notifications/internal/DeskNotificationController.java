package org.atende.notifications.internal;

import java.util.List;

import org.atende.identity.Actor;
import org.atende.notifications.DeskNotification;
import org.atende.notifications.DeskNotifications;
import org.atende.problems.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
            throw Problem.notFound("no notification " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private static Actor staff(@Nullable Actor actor) {
        if (actor == null) {
            throw Problem.unauthorized();
        }
        if (!actor.isStaff()) {
            throw Problem.forbidden("desk notifications are for Customer Care staff");
        }
        return actor;
    }
}
