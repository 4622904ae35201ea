package org.atende.techservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.atende.techservice.QuoteProblem.FieldError;
import org.atende.techservice.QuoteRules.Terms;
import org.junit.jupiter.api.Test;

class QuoteRulesUnitTests {

    static final LocalDate TODAY = LocalDate.parse("2026-07-20");

    static List<FieldError> errors(Runnable call) {
        var problem = new Object() { List<FieldError> errors = List.of(); };
        assertThatThrownBy(call::run).isInstanceOfSatisfying(QuoteProblem.class, p -> {
            assertThat(p.slug()).isEqualTo("validation");
            assertThat(p.getStatusCode().value()).isEqualTo(400);
            @SuppressWarnings("unchecked")
            List<FieldError> found = (List<FieldError>) p.getBody().getProperties().get("errors");
            problem.errors = found;
        });
        return problem.errors;
    }

    @Test
    void keepsValidTermsStrippedWithHoursToTwoDecimals() {
        Terms t = QuoteRules.checked(new QuoteDraft("  Restaurar faturas \n", new BigDecimal("6.5"), 48_000L, TODAY), TODAY);
        assertThat(t).isEqualTo(new Terms("Restaurar faturas", new BigDecimal("6.50"), 48_000, TODAY));
        assertThat(t.estimatedHours().scale()).isEqualTo(2);
        assertThat(QuoteRules.checked(new QuoteDraft("x", new BigDecimal("0.01"), 1L, TODAY), TODAY).estimatedHours())
                .isEqualByComparingTo("0.01");
        assertThat(QuoteRules.checked(new QuoteDraft("x", new BigDecimal("2.500"), 1L, TODAY), TODAY).estimatedHours())
                .as("trailing zeros are not decimals").hasToString("2.50");
    }

    @Test
    void namesEveryFieldThatBreaksARule() {
        assertThat(errors(() -> QuoteRules.checked(new QuoteDraft(null, null, null, null), TODAY)))
                .extracting(FieldError::field).containsExactly("amountCents", "description", "estimatedHours", "validUntil");
        assertThat(errors(() -> QuoteRules.checked(new QuoteDraft("x".repeat(4001), new BigDecimal("10000"), 10_000_000_001L,
                TODAY.minusDays(1)), TODAY))).extracting(FieldError::message).containsExactly(
                        "must be at most 10000000000", "must have at most 4000 characters", "must be at most 9999.99",
                        "must be today (2026-07-20) or later");
        assertThat(errors(() -> QuoteRules.checked(new QuoteDraft("x", new BigDecimal("-0.5"), -1L, TODAY), TODAY)))
                .extracting(FieldError::message).containsExactly("must be greater than 0", "must be greater than 0");
    }

    @Test
    void anEditChecksOnlyWhatItChanges() {
        Terms current = new Terms("Restaurar", new BigDecimal("6.50"), 48_000, TODAY.minusDays(3));
        assertThat(QuoteRules.changed(current, new QuoteChanges(null, null, 50_000L, null, null), TODAY))
                .as("a validity already past is kept until it is changed; sending checks it")
                .isEqualTo(new Terms("Restaurar", new BigDecimal("6.50"), 50_000, TODAY.minusDays(3)));
        assertThat(errors(() -> QuoteRules.changed(current, new QuoteChanges(" ", new BigDecimal("1.001"), null, TODAY.minusDays(1), 3),
                TODAY))).extracting(FieldError::field).containsExactly("description", "estimatedHours", "validUntil");
    }

    @Test
    void aReasonIsOptionalAndAnInvoiceReferenceIsNot() {
        assertThat(QuoteRules.reason(null)).isNull();
        assertThat(QuoteRules.reason("  ")).isNull();
        assertThat(QuoteRules.reason(" caro ")).isEqualTo("caro");
        assertThat(errors(() -> QuoteRules.reason("x".repeat(2001)))).extracting(FieldError::field).containsExactly("reason");
        assertThat(QuoteRules.invoiceReference(" FT 2026/1 ")).isEqualTo("FT 2026/1");
        assertThat(errors(() -> QuoteRules.invoiceReference(null))).extracting(FieldError::field).containsExactly("invoiceReference");
    }
}
