package org.atende.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.atende.calendar.BusinessCalendar;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.DeskNames;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.identity.UserId;
import org.atende.notifications.Outbox;
import org.atende.notifications.Outgoing;
import org.atende.reporting.web.MonthlyReportPdf;
import org.atende.tickets.Channel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly report by e-mail: on the first working day of a month (the support calendar's first
 * business date, from its first opening), each organisation an admin chose gets last month's report as
 * a PDF in its language, at every contact's e-mail address, through the outbox (so a crash loses
 * nothing and a retry sends the same mail). Each (organisation, month) is claimed in the database
 * ({@code report_mailing_sent}, insert-if-absent) in the transaction that queues its mails: whichever
 * instance inserts the row sends, the others find it there.
 */
@Service
public class MonthlyMailing {

    private static final Logger log = LoggerFactory.getLogger(MonthlyMailing.class);

    private final JdbcClient jdbc;
    private final Customers customers;
    private final Reports reports;
    private final MonthlyReportPdf pdf;
    private final Outbox outbox;
    private final BusinessCalendar calendar;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String baseUrl;
    private final DeskNames deskNames;

    MonthlyMailing(JdbcClient jdbc, Customers customers, Reports reports, MonthlyReportPdf pdf, Outbox outbox,
            BusinessCalendar calendar, MessageSource messages, PlatformTransactionManager transactions, Clock clock,
            @Value("${atende.web.base-url:http://localhost:8080}") String baseUrl, DeskNames deskNames) {
        this.deskNames = deskNames;
        this.jdbc = jdbc;
        this.customers = customers;
        this.reports = reports;
        this.pdf = pdf;
        this.outbox = outbox;
        this.calendar = calendar;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The organisations that get the report by e-mail. */
    public Set<Long> enabled() {
        return Set.copyOf(jdbc.sql("SELECT organisation_id FROM report_mailing WHERE enabled").query(Long.class).list());
    }

    /** The last month mailed to each organisation. */
    public Map<Long, String> lastSent() {
        Map<Long, String> last = new HashMap<>();
        jdbc.sql("SELECT organisation_id, MAX(report_month) AS m FROM report_mailing_sent GROUP BY organisation_id")
                .query(rs -> {
                    last.put(rs.getLong(1), rs.getString(2).strip());
                });
        return last;
    }

    public void choose(OrganisationId organisation, boolean enabled, @Nullable UserId by) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("INSERT INTO report_mailing (organisation_id, enabled, changed_at, changed_by) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(organisation.value(), enabled, Sql.utc(clock.instant()), by == null ? null : by.value()).update();
            jdbc.sql("UPDATE report_mailing SET enabled = ?, changed_at = ?, changed_by = ? WHERE organisation_id = ?")
                    .params(enabled, Sql.utc(clock.instant()), by == null ? null : by.value(), organisation.value()).update();
        });
    }

    /** The first working day of a month: its first date with business time on the support calendar. */
    LocalDate firstWorkingDay(YearMonth month) {
        ZoneId zone = reports.zone();
        Instant open = calendar.nextOpen(month.atDay(1).atStartOfDay(zone).toInstant());
        return open.atZone(zone).toLocalDate();
    }

    /**
     * Sends last month's reports if today is this month's first working day and its first opening has
     * come; answers how many organisations this call mailed (0 on any other day, or when another
     * instance did).
     */
    public int runOnce() {
        Instant now = clock.instant();
        ZoneId zone = reports.zone();
        YearMonth month = YearMonth.from(now.atZone(zone));
        LocalDate first = firstWorkingDay(month);
        if (!now.atZone(zone).toLocalDate().equals(first) || now.isBefore(calendar.nextOpen(first.atStartOfDay(zone).toInstant()))) {
            return 0;
        }
        int sent = 0;
        for (long organisation : enabled()) {
            if (Boolean.TRUE.equals(transactions.execute(tx -> send(new OrganisationId(organisation), month.minusMonths(1), now)))) {
                sent++;
            }
        }
        if (sent > 0) {
            log.info("Monthly reports of {} mailed to {} organisation(s)", month.minusMonths(1), sent);
        }
        return sent;
    }

    /** Claims the (organisation, month) and queues one mail with the PDF per contact with an address. */
    boolean send(OrganisationId organisation, YearMonth month, Instant now) {
        OrganisationSummary o = customers.organisation(organisation).orElse(null);
        if (o == null) {
            return false;
        }
        List<ContactSummary> contacts = customers.contacts(organisation, 0, 500).stream().filter(c -> c.email() != null).toList();
        boolean claimed = jdbc.sql("INSERT INTO report_mailing_sent (organisation_id, report_month, sent_at, recipients) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(organisation.value(), month.toString(), Sql.utc(now), contacts.size()).update() == 1;
        if (!claimed) {
            return false;
        }
        MonthlyOrganisationReport report = reports.monthlyOrganisationReport(organisation, month).orElseThrow();
        byte[] document = pdf.render(report, o.language(), reports.zone());
        Locale locale = Locale.forLanguageTag(o.language().name().toLowerCase(Locale.ROOT));
        String monthName = month.getMonth().getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, locale) + " " + month.getYear();
        for (ContactSummary contact : contacts) {
            String subject = messages.getMessage("reports.mailing.subject", new Object[] {o.name(), monthName}, locale);
            String body = messages.getMessage("reports.mailing.body", new Object[] {contact.name(), o.name(), monthName,
                    baseUrl + "/portal/reports/" + month, deskNames.of(o.language())}, locale);
            long id = outbox.enqueue(new Outgoing(Channel.EMAIL, Outgoing.Purpose.NOTICE, null, null, contact.email(), subject, body,
                    "report." + month + ".o" + organisation.value() + ".c" + contact.id().value() + "@" + host(), null, List.of(), true));
            outbox.attach(id, MonthlyReportPdf.fileName(report), "application/pdf", document);
        }
        return true;
    }

    private String host() {
        return java.net.URI.create(baseUrl).getHost() == null ? "atende.local" : java.net.URI.create(baseUrl).getHost();
    }
}
