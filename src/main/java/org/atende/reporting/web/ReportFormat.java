package org.atende.reporting.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.Locale;

import org.atende.reporting.Breach;
import org.atende.reporting.ComplianceRow;
import org.atende.reporting.Dimension;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * How report figures read on a page, in the reader's language: business time as "3 h 20 min", shares as
 * "80.0 %", money in euros, instants in the support time zone with the zone named. A missing figure
 * (no clock decided yet) is a dash.
 */
public final class ReportFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;

    public ReportFormat(MessageSource messages, Locale locale, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    /** Business seconds as hours and minutes, rounded to the minute: "3 h 20 min", "45 min", "12 h". */
    public static String duration(@Nullable Number seconds) {
        if (seconds == null) {
            return "—";
        }
        long minutes = Math.round(seconds.doubleValue() / 60);
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }

    /** {@link #duration} for templates. */
    public String time(@Nullable Number seconds) {
        return duration(seconds);
    }

    public String percent(@Nullable Double share) {
        return share == null ? "—" : String.format(locale, "%.1f %%", share * 100);
    }

    public String euros(long cents) {
        NumberFormat money = NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(Currency.getInstance("EUR"));
        return money.format(cents / 100.0);
    }

    public String when(@Nullable Instant at) {
        return at == null ? "—" : WHEN.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    public String month(YearMonth month) {
        String name = month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + month.getYear();
    }

    public String zone() {
        return zone.getId();
    }

    public String priority(String priority) {
        return messages.getMessage("reports.priority." + priority, null, priority, locale);
    }

    public String clock(String clock) {
        return messages.getMessage("reports.clock." + clock, null, clock, locale);
    }

    /** A group's name: priorities and channels in the reader's language, months as written, the rest by name. */
    public String group(Dimension by, ComplianceRow row) {
        return switch (by) {
            case PRIORITY -> priority(row.key());
            case CHANNEL -> messages.getMessage("reports.channel." + row.key(), null, row.label(), locale);
            case AGENT, TEAM, PLAN, ORGANISATION -> row.key().isEmpty()
                    ? messages.getMessage("reports.group.none." + by.name(), null, row.label(), locale) : row.label();
            default -> row.label();
        };
    }

    /** What happened before a breach, in the reader's language: "Priority High → Urgent", "Escalated to Second line: reason". */
    public String cause(Breach.Cause c) {
        String from = c.from() == null ? "" : c.from();
        String to = c.to() == null ? "" : c.to();
        Object[] args = switch (c.kind()) {
            case "PRIORITY" -> new Object[] {priority(from), priority(to)};
            case "TYPE" -> new Object[] {word("reports.type.", from), word("reports.type.", to)};
            case "STATUS", "REOPENED" -> new Object[] {word("reports.status.", from), word("reports.status.", to)};
            case "SLA_WARNING" -> new Object[] {clock(to)};
            default -> new Object[] {to, c.detail() == null ? "" : c.detail()};
        };
        return messages.getMessage("reports.cause.text." + c.kind(), args, c.kind(), locale);
    }

    private String word(String prefix, String code) {
        return messages.getMessage(prefix + code, null, code, locale);
    }

    /** A promised target ("12 business hours") in the reader's language. */
    public String target(String target) {
        return org.atende.sla.PromiseWording.target(locale, target);
    }
}
