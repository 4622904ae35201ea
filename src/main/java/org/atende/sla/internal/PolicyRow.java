package org.atende.sla.internal;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** The SLA policy aggregate as stored: {@code sla_policy} with its {@code sla_target} rows keyed by priority. */
@Table("sla_policy")
public record PolicyRow(@Id @Nullable Long id, String name, int warningPercent, String pausingStatuses,
        @Nullable Long calendarId, Instant createdAt, Instant updatedAt,
        @MappedCollection(idColumn = "policy_id", keyColumn = "priority") Map<String, TargetRow> targets) {

    public PolicyRow withId(Long id) {
        return new PolicyRow(id, name, warningPercent, pausingStatuses, calendarId, createdAt, updatedAt, targets);
    }

    /** One priority's targets ({@code sla_target}); units are {@code HOURS} or {@code DAYS}. */
    @Table("sla_target")
    public record TargetRow(int firstResponseAmount, String firstResponseUnit, int resolutionAmount,
            String resolutionUnit) {
    }
}
