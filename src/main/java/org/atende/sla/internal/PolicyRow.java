package org.atende.sla.internal;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The SLA policy aggregate as stored: {@code sla_policy} with its {@code sla_target} rows keyed by
 * priority. Column names are spelled out: Spring Data JDBC quotes identifiers, and on H2 it would
 * derive them in upper case.
 */
@Table("sla_policy")
public record PolicyRow(@Id @Column("id") @Nullable Long id, @Column("name") String name,
        @Column("warning_percent") int warningPercent, @Column("pausing_statuses") String pausingStatuses,
        @Column("calendar_id") @Nullable Long calendarId, @Column("created_at") Instant createdAt,
        @Column("updated_at") Instant updatedAt,
        @MappedCollection(idColumn = "policy_id", keyColumn = "priority") Map<String, TargetRow> targets) {

    public PolicyRow withId(Long id) {
        return new PolicyRow(id, name, warningPercent, pausingStatuses, calendarId, createdAt, updatedAt, targets);
    }

    /** One priority's targets ({@code sla_target}); units are {@code HOURS} or {@code DAYS}. */
    @Table("sla_target")
    public record TargetRow(@Column("first_response_amount") int firstResponseAmount,
            @Column("first_response_unit") String firstResponseUnit, @Column("resolution_amount") int resolutionAmount,
            @Column("resolution_unit") String resolutionUnit) {
    }
}
