package org.atende.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AuditedChangeUnitTests {

    @Test
    void keepsOnlyTheFieldsWhoseTextChangedInTheOrderGiven() {
        AuditedChange change = AuditedChange.changed(AuditKind.PLAN, 4, "Plan Essencial",
                AuditedChange.fields("name", "Essencial", "allowance", 20, "policy", null, "statuses", Set.of("ON_HOLD", "WAITING")),
                AuditedChange.fields("name", "Essencial", "allowance", 30, "policy", 2L, "statuses", List.of("WAITING", "ON_HOLD"),
                        "language", "PT"));

        assertThat(change.changes()).containsExactly(
                java.util.Map.entry("allowance", new FieldChange("20", "30")),
                java.util.Map.entry("policy", new FieldChange(null, "2")),
                java.util.Map.entry("language", new FieldChange(null, "PT")));
    }

    @Test
    void createsAndDeletesWithEveryFieldOnOneSide() {
        assertThat(AuditedChange.created(AuditKind.CALENDAR, 1, "Calendar Porto", AuditedChange.fields("name", "Porto")).changes())
                .containsEntry("name", new FieldChange(null, "Porto"));
        assertThat(AuditedChange.deleted(AuditKind.ESCALATION_RULE, 9, "Rule", AuditedChange.fields("active", true)).changes())
                .containsEntry("active", new FieldChange("true", null));
    }

    @Test
    void findsNothingChangedWhenOnlyTheOrderOfACollectionDiffers() {
        AuditedChange same = AuditedChange.changed(AuditKind.ORGANISATION, 3, "Organisation Padaria",
                AuditedChange.fields("emailDomains", List.of("b.pt", "a.pt")), AuditedChange.fields("emailDomains", List.of("a.pt", "b.pt")));

        assertThat(same.changes()).isEmpty();
    }
}
