package org.atende.techservice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.atende.techservice.QuoteProblem.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * The rules a quote's terms keep, checked all at once so that the caller learns every bad field: a
 * description, hours above zero with at most two decimals, a positive amount in cents, and a last day of
 * validity that has not passed in the support time zone.
 */
final class QuoteRules {

    static final int DESCRIPTION_MAX = 4000;
    static final int REASON_MAX = 2000;
    static final int INVOICE_REFERENCE_MAX = 100;
    static final BigDecimal HOURS_MAX = new BigDecimal("9999.99");
    static final long AMOUNT_MAX = 10_000_000_000L; // 100 million euros: anything above is a typing error

    /** Terms that kept every rule. */
    record Terms(String description, BigDecimal estimatedHours, long amountCents, LocalDate validUntil) {
    }

    private QuoteRules() {
    }

    static Terms checked(QuoteDraft draft, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String description = description(draft.description(), errors);
        BigDecimal hours = hours(draft.estimatedHours(), errors);
        long amount = amount(draft.amountCents(), errors);
        LocalDate validUntil = validUntil(draft.validUntil(), today, errors);
        throwIfAny(errors);
        return new Terms(description, hours, amount, validUntil);
    }

    /** The terms after an edit: fields left null keep their value, given ones keep the rules. */
    static Terms changed(Terms current, QuoteChanges changes, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String description = changes.description() == null ? current.description() : description(changes.description(), errors);
        BigDecimal hours = changes.estimatedHours() == null ? current.estimatedHours() : hours(changes.estimatedHours(), errors);
        long amount = changes.amountCents() == null ? current.amountCents() : amount(changes.amountCents(), errors);
        LocalDate validUntil = changes.validUntil() == null ? current.validUntil() : validUntil(changes.validUntil(), today, errors);
        throwIfAny(errors);
        return new Terms(description, hours, amount, validUntil);
    }

    static @Nullable String reason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.strip().length() > REASON_MAX) {
            throw QuoteProblem.invalid(List.of(new FieldError("reason", "must have at most " + REASON_MAX + " characters")));
        }
        return reason.strip();
    }

    static String invoiceReference(@Nullable String reference) {
        List<FieldError> errors = new ArrayList<>();
        String value = text("invoiceReference", reference, INVOICE_REFERENCE_MAX, errors);
        throwIfAny(errors);
        return value;
    }

    private static String description(@Nullable String value, List<FieldError> errors) {
        return text("description", value, DESCRIPTION_MAX, errors);
    }

    private static String text(String field, @Nullable String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
            return "";
        }
        if (value.strip().length() > max) {
            errors.add(new FieldError(field, "must have at most " + max + " characters"));
        }
        return value.strip();
    }

    private static BigDecimal hours(@Nullable BigDecimal value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError("estimatedHours", "is required"));
            return BigDecimal.ZERO;
        }
        if (value.signum() <= 0) {
            errors.add(new FieldError("estimatedHours", "must be greater than 0"));
        } else if (value.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("estimatedHours", "must have at most two decimals"));
        } else if (value.compareTo(HOURS_MAX) > 0) {
            errors.add(new FieldError("estimatedHours", "must be at most " + HOURS_MAX));
        } else {
            return value.setScale(2);
        }
        return value;
    }

    private static long amount(@Nullable Long value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError("amountCents", "is required"));
            return 0;
        }
        if (value <= 0) {
            errors.add(new FieldError("amountCents", "must be greater than 0"));
        } else if (value > AMOUNT_MAX) {
            errors.add(new FieldError("amountCents", "must be at most " + AMOUNT_MAX));
        }
        return value;
    }

    private static LocalDate validUntil(@Nullable LocalDate value, LocalDate today, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError("validUntil", "is required"));
            return today;
        }
        if (value.isBefore(today)) {
            errors.add(new FieldError("validUntil", "must be today (" + today + ") or later"));
        }
        return value;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw QuoteProblem.invalid(errors);
        }
    }
}
