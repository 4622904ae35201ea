package org.atende.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.atende.customers.Language;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketView;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a staff user about a ticket: a line on their desk and an e-mail through the outbox, in their
 * language, in the caller's transaction (both or neither). Callers decide that it is told once.
 */
@Component
class StaffNotices {

    private final Outbox outbox;
    private final DeskNotifications desk;
    private final String baseUrl;
    private final String messageIdDomain;

    StaffNotices(Outbox outbox, DeskNotifications desk, @Value("${atende.web.base-url:http://localhost:8080}") String baseUrl,
            @Value("${atende.email.domain:}") String domain, @Value("${atende.email.address:}") String address) {
        this.outbox = outbox;
        this.desk = desk;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.messageIdDomain = !domain.isBlank() ? domain.strip().toLowerCase(Locale.ROOT)
                : address.contains("@") ? address.substring(address.indexOf('@') + 1).strip().toLowerCase(Locale.ROOT)
                : "atende.invalid";
    }

    static Language languageOf(UserSummary user) {
        return StaffTexts.of(user.language());
    }

    /**
     * {@code params} are written in the user's language; the first is the ticket's number. {@code idPrefix}
     * makes the e-mail's Message-ID, with the user's id: unique for one notice to one user.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void tell(UserSummary user, TicketView ticket, String kind, String key, List<String> params, String idPrefix) {
        tell(user, ticket, null, kind, key, params, idPrefix);
    }

    /** As {@link #tell(UserSummary, TicketView, String, String, List, String)}, linking to one message of the ticket. */
    @Transactional(propagation = Propagation.MANDATORY)
    void tell(UserSummary user, TicketView ticket, @Nullable Long messageId, String kind, String key, List<String> params,
            String idPrefix) {
        desk.add(user.id(), kind, ticket.id(), messageId, key, params);
        outbox.enqueue(mail(user, ticket, messageId, key, params, idPrefix));
    }

    /** One notice to one user about a ticket, for {@link #tellAll}. */
    record Notice(UserSummary user, TicketView ticket, String kind, String key, List<String> params, String idPrefix) {
    }

    /**
     * {@link #tell(UserSummary, TicketView, String, String, List, String)} of many notices: a desk line each, and one
     * e-mail per user, which lists the user's notices when there are several (a sweep batch that marks hundreds of
     * clocks sends a lead one e-mail, not hundreds). The desk lines and the mails are each one insert.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void tellAll(List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        desk.addAll(notices.stream().map(n -> new DeskNotifications.Line(n.user().id(), n.kind(), n.ticket().id(), null, n.key(), n.params()))
                .toList());
        Map<UserId, List<Notice>> byUser = new LinkedHashMap<>();
        notices.forEach(n -> byUser.computeIfAbsent(n.user().id(), u -> new ArrayList<>()).add(n));
        outbox.enqueueAll(byUser.values().stream().map(this::mail).toList());
    }

    /**
     * One user's e-mail for their notices: about its ticket when there is one; else each notice's text with its
     * ticket's link, in order, its Message-ID the first notice's with a prefix of its own (that notice is told once,
     * so the list is too).
     */
    private Outgoing mail(List<Notice> told) {
        Notice first = told.getFirst();
        if (told.size() == 1) {
            return mail(first.user(), first.ticket(), null, first.key(), first.params(), first.idPrefix());
        }
        Language language = languageOf(first.user());
        StringBuilder body = new StringBuilder();
        for (Notice n : told) {
            body.append(StaffTexts.text(n.key(), n.params(), language)).append('\n').append(openOnDesk(language, n.ticket().number()))
                    .append("\n\n");
        }
        return new Outgoing(Channel.EMAIL, Outgoing.Purpose.ALERT, null, null, first.user().email(),
                StaffTexts.listSubject(told.stream().map(Notice::key).toList(), language), body.toString(),
                messageId("list." + first.idPrefix() + ".u" + first.user().id().value()), null, List.of(), true);
    }

    private Outgoing mail(UserSummary user, TicketView ticket, @Nullable Long messageId, String key, List<String> params, String idPrefix) {
        Language language = languageOf(user);
        String body = StaffTexts.text(key, params, language) + "\n\n" + openOnDesk(language, ticket.number())
                + (messageId == null ? "" : "#message-" + messageId) + "\n";
        return new Outgoing(Channel.EMAIL, Outgoing.Purpose.ALERT, ticket.id(), null, user.email(),
                StaffTexts.subject(key, ticket.number(), ticket.subject(), language), body, messageId(idPrefix + ".u" + user.id().value()),
                null, List.of(), true);
    }

    /** "Open on the desk: {link}" in the reader's language. */
    private String openOnDesk(Language language, long number) {
        return StaffTexts.openOnDesk(language) + ": " + deskLink(number);
    }

    String deskLink(long number) {
        return baseUrl + "/desk/tickets/" + number;
    }

    String messageId(String local) {
        return local + "@" + messageIdDomain;
    }
}
