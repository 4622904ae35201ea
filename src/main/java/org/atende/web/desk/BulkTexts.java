package org.atende.web.desk;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.atende.tickets.BulkChange;
import org.atende.tickets.BulkOutcome;
import org.atende.tickets.BulkResult;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketProblems;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * A bulk change and its refusals in the agent's language. The tickets module explains a refusal in English
 * for the API; the page says it from the problem's type and properties (the statuses of an illegal move, why
 * a merge was refused), so no English reaches a Spanish or Portuguese page.
 */
@Component
class BulkTexts {

    private final MessageSource messages;
    private final Names names;

    BulkTexts(MessageSource messages, Names names) {
        this.messages = messages;
        this.names = names;
    }

    BulkSummary summary(BulkChange change, BulkResult result, Locale locale) {
        List<BulkSummary.Refusal> refused = result.refused().stream().limit(BulkSummary.SHOWN)
                .map(o -> new BulkSummary.Refusal(o.number(), refusal(java.util.Objects.requireNonNull(o.problem()), locale)))
                .toList();
        return new BulkSummary(title(change, result.mergedInto() == null ? null : result.mergedInto().number(), locale),
                result.count(BulkOutcome.Result.CHANGED), result.count(BulkOutcome.Result.UNCHANGED),
                result.count(BulkOutcome.Result.REFUSED), refused, result.mergedInto() == null ? null : result.mergedInto().number());
    }

    /** The change as the toolbar named it: "Assign to Tiago Santos", "Set priority: High", "Merge into #1042". */
    String title(BulkChange change, @Nullable Long mergedInto, Locale locale) {
        return switch (change) {
            case BulkChange.Update u -> update(u.changes(), locale);
            case BulkChange.Merge m -> text("desk.bulk.title.merge", locale, mergedInto == null ? "" : String.valueOf(mergedInto));
            case BulkChange.MarkSpam s -> text("desk.bulk.title.spam", locale);
            case BulkChange.Close c -> text("desk.bulk.title.close", locale);
        };
    }

    private String update(TicketChanges c, Locale locale) {
        if (c.assigneeId() != null) {
            return text("desk.bulk.title.assign", locale, names.user(c.assigneeId()));
        }
        if (c.unassign()) {
            return text("desk.bulk.title.unassign", locale);
        }
        if (c.teamId() != null) {
            return text("desk.bulk.title.team", locale, names.team(c.teamId()));
        }
        if (c.status() != null) {
            return text("desk.bulk.title.status", locale, text("desk.status." + c.status(), locale));
        }
        if (c.priority() != null) {
            return text("desk.bulk.title.priority", locale, text("desk.priority." + c.priority(), locale));
        }
        if (c.type() != null) {
            return text("desk.bulk.title.type", locale, text("desk.type." + c.type(), locale));
        }
        if (!c.addTags().isEmpty()) {
            return text("desk.bulk.title.addTags", locale, String.join(", ", c.addTags()));
        }
        return text("desk.bulk.title.removeTags", locale, String.join(", ", c.removeTags()));
    }

    /** Why a ticket (or the whole call) was refused, from the problem's type and properties. */
    String refusal(ProblemDetail problem, Locale locale) {
        String type = String.valueOf(problem.getType());
        String slug = type.startsWith(TicketProblems.BASE) ? type.substring(TicketProblems.BASE.length()) : "";
        Map<String, Object> p = problem.getProperties() == null ? Map.of() : problem.getProperties();
        return switch (slug) {
            case "illegal-transition" -> text("desk.bulk.refused.illegal-transition", locale, status(p.get("from"), locale),
                    status(p.get("to"), locale), allowed(p.get("allowed"), locale));
            case "merge-refused" -> text("target-closed".equals(p.get("reason")) ? "desk.bulk.refused.merge.target-closed"
                    : "different-organisations".equals(p.get("reason")) ? "desk.bulk.refused.merge.different-organisations"
                    : "desk.bulk.refused.merge", locale);
            case "too-many-tickets" -> text("desk.bulk.refused.too-many-tickets", locale, p.get("matched"), p.get("limit"));
            case "stale", "not-found", "forbidden", "invalid-request", "internal-error" -> text("desk.bulk.refused." + slug, locale);
            default -> text("desk.bulk.refused.other", locale);
        };
    }

    /** Why the whole call was refused, as a sentence: a merge target that does not exist, too many tickets, … */
    String whole(ProblemDetail problem, Locale locale) {
        if (problem.getStatus() == 404) {
            return text("desk.bulk.error.not-found", locale);
        }
        String reason = refusal(problem, locale);
        return reason.substring(0, 1).toUpperCase(locale) + reason.substring(1) + ".";
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private String status(@Nullable Object status, Locale locale) {
        return status == null ? "?" : text("desk.status." + status, locale);
    }

    private String allowed(@Nullable Object allowed, Locale locale) {
        if (!(allowed instanceof Collection<?> statuses) || statuses.isEmpty()) {
            return text("desk.bulk.refused.none", locale);
        }
        return String.join(", ", statuses.stream().map(s -> status(s, locale)).toList());
    }
}
