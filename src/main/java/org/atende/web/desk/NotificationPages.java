package org.atende.web.desk;

import java.util.List;
import java.util.Locale;

import org.atende.identity.Actor;
import org.atende.notifications.DeskNotification;
import org.atende.notifications.DeskNotifications;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /desk/notifications}: the signed-in user's unread SLA alerts and escalations, newest first, each marked
 * read on its own or all at once; {@code .../count} is the small "Notifications (N)" link the desk loads with htmx.
 */
@Controller
class NotificationPages {

    private final DeskNotifications notifications;

    NotificationPages(DeskNotifications notifications) {
        this.notifications = notifications;
    }

    /**
     * A line of the page: the notification, its style ({@code warning}/{@code breached}/{@code escalation}/{@code mention}),
     * when, in Lisbon time, and the message it is about (a mention: the note), if any.
     */
    record NotificationLine(long id, String kind, String style, String text, @Nullable Long ticketNumber, String at,
            @Nullable Long messageId) {

        static NotificationLine of(DeskNotification n, Locale locale) {
            String style = switch (n.kind()) {
                case "SLA_WARNING" -> "warning";
                case "SLA_BREACHED" -> "breached";
                case "MENTION" -> "mention";
                default -> "escalation";
            };
            return new NotificationLine(n.id(), n.kind(), style, n.text(), n.ticketNumber(), ClockFormat.full(n.createdAt(), locale),
                    n.messageId());
        }

        /** Where the line leads: the ticket, at the message when there is one. */
        public String link() {
            return "/desk/tickets/" + ticketNumber + (messageId == null ? "" : "#message-" + messageId);
        }
    }

    @GetMapping("/desk/notifications")
    String page(@AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        QueueController.staff(actor);
        List<NotificationLine> lines = notifications.unread(actor.userId()).stream().map(n -> NotificationLine.of(n, locale)).toList();
        model.addAttribute("lines", lines);
        return "desk/notifications";
    }

    @GetMapping("/desk/notifications/count")
    String count(@AuthenticationPrincipal Actor actor, Model model) {
        QueueController.staff(actor);
        model.addAttribute("count", notifications.unread(actor.userId()).size());
        return "desk/notifications-count :: count";
    }

    @PostMapping("/desk/notifications/{id}/read")
    String markRead(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        QueueController.staff(actor);
        notifications.markRead(actor.userId(), id);
        return "redirect:/desk/notifications";
    }

    @PostMapping("/desk/notifications/read")
    String markAllRead(@AuthenticationPrincipal Actor actor) {
        QueueController.staff(actor);
        // unread() lists at most 200; a desk with more reads the rest on the next press
        notifications.unread(actor.userId()).forEach(n -> notifications.markRead(actor.userId(), n.id()));
        return "redirect:/desk/notifications?all";
    }
}
