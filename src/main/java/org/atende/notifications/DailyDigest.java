package org.atende.notifications;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.atende.sla.ClockMark;
import org.atende.sla.SlaClocks;
import org.atende.tickets.Channel;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leads' daily digest: from {@code atende.digest.time} (Lisbon), once a day across instances, one e-mail
 * per lead with the tickets whose clocks breached in the last day, the tickets at risk (warned, or due within
 * the next business day) and the organisations that reached their monthly allowance in the last day. A
 * ticket goes to its leads (its team's leads and the organisation's account lead, else every lead); an
 * organisation to its account lead, else every lead. Nothing to tell, no e-mail.
 * <p>
 * The day is claimed by inserting its {@code digest_run} row if absent, in the transaction that queues
 * every digest of the day: another instance's insert waits for that transaction and then finds the row; a
 * failure rolls the claim back for the next check. {@code digest_sent} keeps one digest per lead and day.
 */
@Component
public class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    private final SlaClocks clocks;
    private final Tickets tickets;
    private final Customers customers;
    private final StaffRecipients recipients;
    private final StaffNotices notices;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DigestProperties properties;

    DailyDigest(SlaClocks clocks, Tickets tickets, Customers customers, StaffRecipients recipients, StaffNotices notices,
            Outbox outbox, JdbcClient jdbc, PlatformTransactionManager transactions, DigestProperties properties) {
        this.clocks = clocks;
        this.tickets = tickets;
        this.customers = customers;
        this.recipients = recipients;
        this.notices = notices;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.properties = properties;
    }

    /** Sends the day's digests if it is past the digest time and no instance sent them; answers how many went. */
    public int runIfDue(Instant now) {
        ZonedDateTime local = now.atZone(StaffTexts.LISBON);
        if (local.toLocalTime().isBefore(properties.time())) {
            return 0;
        }
        LocalDate day = local.toLocalDate();
        int sent = Objects.requireNonNull(transactions.execute(tx -> send(day, now)));
        if (sent > 0) {
            log.info("Daily digest of {}: {} e-mail(s) to leads", day, sent);
        }
        return sent;
    }

    private int send(LocalDate day, Instant now) {
        boolean claimed = jdbc.sql("INSERT INTO digest_run (digest_day, ran_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(Date.valueOf(day), Timestamp.from(now)).update() == 1;
        if (!claimed) {
            return 0;
        }
        Map<UserId, Digest> digests = new LinkedHashMap<>();
        for (ClockMark m : clocks.breachedBetween(now.minus(Duration.ofDays(1)), now)) {
            tickets.lookup(m.ticketId()).ifPresent(t -> recipients.leadsOf(t)
                    .forEach(lead -> digests.computeIfAbsent(lead.id(), k -> new Digest(lead)).breached.add(new Item(t, m))));
        }
        for (ClockMark m : clocks.atRisk(now)) {
            tickets.lookup(m.ticketId()).ifPresent(t -> recipients.leadsOf(t)
                    .forEach(lead -> digests.computeIfAbsent(lead.id(), k -> new Digest(lead)).atRisk.add(new Item(t, m))));
        }
        jdbc.sql("SELECT organisation_id, usage_month, allowance FROM quota_limit_reached WHERE reached_at > ? AND reached_at <= ? "
                        + "ORDER BY reached_at")
                .params(Timestamp.from(now.minus(Duration.ofDays(1))), Timestamp.from(now))
                .query((rs, n) -> new Quota(new OrganisationId(rs.getLong(1)), rs.getString(2), rs.getInt(3))).list()
                .forEach(q -> recipients.leadsOf(q.organisation())
                        .forEach(lead -> digests.computeIfAbsent(lead.id(), k -> new Digest(lead)).quotas.add(q)));
        int sent = 0;
        for (Digest digest : digests.values()) {
            if (digest.isEmpty() || !claim(digest.lead, day)) {
                continue;
            }
            Language language = StaffNotices.languageOf(digest.lead);
            long id = outbox.enqueue(new Outgoing(Channel.EMAIL, Outgoing.Purpose.DIGEST, null, null, digest.lead.email(),
                    StaffTexts.digestSubject(language, day.toString()), body(digest, language),
                    notices.messageId("digest." + day + ".u" + digest.lead.id().value()), null, List.of(), true));
            jdbc.sql("UPDATE digest_sent SET outgoing_id = ? WHERE lead_user_id = ? AND digest_day = ?")
                    .params(id, digest.lead.id().value(), Date.valueOf(day)).update();
            sent++;
        }
        return sent;
    }

    private boolean claim(UserSummary lead, LocalDate day) {
        return jdbc.sql("INSERT INTO digest_sent (lead_user_id, digest_day, outgoing_id) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")
                .params(lead.id().value(), Date.valueOf(day)).update() == 1;
    }

    private String body(Digest digest, Language language) {
        StringBuilder b = new StringBuilder();
        section(b, StaffTexts.digestBreached(language), digest.breached, language);
        section(b, StaffTexts.digestAtRisk(language), digest.atRisk, language);
        if (!digest.quotas.isEmpty()) {
            b.append(StaffTexts.digestQuota(language)).append(" (").append(digest.quotas.size()).append("):\n");
            for (Quota q : digest.quotas) {
                b.append("  ").append(customers.organisation(q.organisation()).map(OrganisationSummary::name).orElse("#" + q.organisation().value()))
                        .append(" — ").append(q.month()).append(", ").append(StaffTexts.tickets(language, q.allowance())).append('\n');
            }
            b.append('\n');
        }
        return b.toString();
    }

    private void section(StringBuilder b, String title, List<Item> items, Language language) {
        if (items.isEmpty()) {
            return;
        }
        b.append(title).append(" (").append(items.size()).append("):\n");
        for (Item i : items) {
            String organisation = customers.organisation(i.ticket().organisationId()).map(OrganisationSummary::name).orElse("");
            b.append("  #").append(i.ticket().number()).append(' ').append(i.ticket().subject()).append(" — ").append(organisation)
                    .append(" — ").append(StaffTexts.clock(i.mark().kind(), language)).append(", ").append(StaffTexts.due(language))
                    .append(' ').append(StaffTexts.when(i.mark().dueAt(), language)).append("\n    ")
                    .append(notices.deskLink(i.ticket().number())).append('\n');
        }
        b.append('\n');
    }

    private record Item(TicketView ticket, ClockMark mark) {
    }

    private record Quota(OrganisationId organisation, String month, int allowance) {
    }

    private static final class Digest {
        final UserSummary lead;
        final List<Item> breached = new ArrayList<>();
        final List<Item> atRisk = new ArrayList<>();
        final List<Quota> quotas = new ArrayList<>();

        Digest(UserSummary lead) {
            this.lead = lead;
        }

        boolean isEmpty() {
            return breached.isEmpty() && atRisk.isEmpty() && quotas.isEmpty();
        }
    }
}
