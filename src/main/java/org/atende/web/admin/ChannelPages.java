package org.atende.web.admin;

import org.atende.channels.ChannelHealth;
import org.atende.identity.Actor;
import org.atende.notifications.Outbox;
import org.atende.tickets.Channel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The channels' settings and health: each mailbox (never its password) with its last poll, last error
 * and mails read, the SMTP relay's last send and last failure from the outbox, and WhatsApp's number,
 * API version, webhook handshake and last signed notification, and the Graph API's last error. "Check
 * now" tries a mailbox's IMAP login once.
 */
@Controller
class ChannelPages {

    private final ChannelHealth health;
    private final Outbox outbox;

    ChannelPages(ChannelHealth health, Outbox outbox) {
        this.health = health;
        this.outbox = outbox;
    }

    @GetMapping("/admin/channels")
    String channels(@AuthenticationPrincipal Actor actor, Model model) {
        AdminAccess.lead(actor);
        ChannelHealth.Email email = health.email();
        model.addAttribute("emailEnabled", email.enabled());
        model.addAttribute("emailAddress", email.address());
        model.addAttribute("mailboxes", email.mailboxes());
        model.addAttribute("smtp", outbox.activity(Channel.EMAIL));
        model.addAttribute("whatsapp", health.whatsapp());
        model.addAttribute("graph", outbox.activity(Channel.WHATSAPP));
        return "admin/channels";
    }

    /** Tries a mailbox's login now; the answer is the mailbox's row (htmx), or the page again. */
    @PostMapping("/admin/channels/mailboxes/check")
    String check(@AuthenticationPrincipal Actor actor, @RequestParam String mailbox, @RequestParam(defaultValue = "0") int row,
            @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) @org.jspecify.annotations.Nullable String htmx,
            Model model) {
        AdminAccess.lead(actor);
        var checked = health.checkMailbox(mailbox);
        if (htmx == null) { // without scripts: the whole page again, which shows the outcome
            return "redirect:/admin/channels";
        }
        model.addAttribute("mailboxes", java.util.List.of(checked));
        model.addAttribute("offset", row);
        model.addAttribute("checked", true);
        return "admin/channels :: mailbox";
    }
}
