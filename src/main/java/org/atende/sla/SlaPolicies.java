package org.atende.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.atende.audit.AuditKind;
import org.atende.audit.AuditedChange;
import org.atende.operations.SettingsCache;
import org.atende.sla.internal.CalendarStore;
import org.atende.sla.internal.PolicyRepository;
import org.atende.sla.internal.PolicyRow;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SLA policies: what plans point at. Changing a policy recomputes the running clocks it measures from
 * their same start and pauses ({@link SlaPolicyChanged}); stopped clocks keep the outcome they had.
 * The warning share and pausing statuses apply from the next reading on.
 */
@Service
@Transactional
public class SlaPolicies {

    private final PolicyRepository policies;
    /** Policies by id, from memory while the settings have not changed: read for every ticket that opens. */
    private final SettingsCache<Long, SlaPolicy> kept;
    private final CalendarStore calendars;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SlaPolicies(PolicyRepository policies, CalendarStore calendars, Clock clock, ApplicationEventPublisher events, JdbcClient jdbc) {
        this.policies = policies;
        this.kept = new SettingsCache<>(jdbc);
        this.calendars = calendars;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<SlaPolicy> get(long id) {
        return kept.get(id, () -> policies.findById(id).map(SlaPolicies::policy));
    }

    @Transactional(readOnly = true)
    public List<SlaPolicy> list() {
        return policies.findAllByOrderByNameAsc().stream().map(SlaPolicies::policy).toList();
    }

    public Outcome<SlaPolicy> create(SlaPolicyDraft draft) {
        var checked = PolicyRules.check(0, draft, name -> policies.findByName(name).isPresent(), calendars::exists);
        if (!(checked instanceof Outcome.Saved<SlaPolicy>(SlaPolicy p))) {
            return checked;
        }
        Instant now = clock.instant();
        SettingsCache.changingHere();
        SlaPolicy saved = policy(policies.save(row(null, p, now, now)));
        events.publishEvent(AuditedChange.created(AuditKind.SLA_POLICY, saved.id(), "SLA policy " + saved.name(), audited(saved)));
        return new Outcome.Saved<>(saved);
    }

    /** Replaces a policy's settings; throws {@link NoSuchElementException} when there is no such policy. */
    public Outcome<SlaPolicy> update(long id, SlaPolicyDraft draft) {
        PolicyRow existing = policies.findById(id).orElseThrow(() -> new NoSuchElementException("no SLA policy " + id));
        var checked = PolicyRules.check(id, draft,
                name -> policies.findByName(name).filter(other -> other.id() != id).isPresent(), calendars::exists);
        if (!(checked instanceof Outcome.Saved<SlaPolicy>(SlaPolicy p))) {
            return checked;
        }
        Instant now = clock.instant();
        SlaPolicy before = policy(existing);
        SettingsCache.changingHere();
        SlaPolicy saved = policy(policies.save(row(id, p, existing.createdAt(), now)));
        events.publishEvent(new SlaPolicyChanged(id, now));
        events.publishEvent(AuditedChange.changed(AuditKind.SLA_POLICY, id, "SLA policy " + saved.name(), audited(before),
                audited(saved)));
        return new Outcome.Saved<>(saved);
    }

    /** What the audit log keeps of a policy: every setting, each target as "12 HOURS". */
    private static Map<String, @Nullable Object> audited(SlaPolicy p) {
        Map<String, @Nullable Object> fields = AuditedChange.fields("name", p.name(), "warningPercent", p.warningPercent(),
                "pausingStatuses", p.pausingStatuses(), "calendar", p.calendarId());
        p.targets().forEach((priority, t) -> {
            fields.put("firstResponse." + priority, t.firstResponse().amount() + " " + t.firstResponse().unit());
            fields.put("resolution." + priority, t.resolution().amount() + " " + t.resolution().unit());
        });
        return fields;
    }

    private static PolicyRow row(Long id, SlaPolicy p, Instant created, Instant updated) {
        Map<String, PolicyRow.TargetRow> targets = new LinkedHashMap<>();
        p.targets().forEach((priority, t) -> targets.put(priority.name(), new PolicyRow.TargetRow(
                t.firstResponse().amount(), t.firstResponse().unit().name(),
                t.resolution().amount(), t.resolution().unit().name())));
        String pausing = p.pausingStatuses().stream().map(Enum::name).collect(Collectors.joining(","));
        return new PolicyRow(id, p.name(), p.warningPercent(), pausing, p.calendarId(), created, updated, targets);
    }

    private static SlaPolicy policy(PolicyRow row) {
        Map<Priority, PriorityTargets> targets = new EnumMap<>(Priority.class);
        row.targets().forEach((priority, t) -> targets.put(Priority.valueOf(priority), new PriorityTargets(
                new SlaTarget(t.firstResponseAmount(), TargetUnit.valueOf(t.firstResponseUnit())),
                new SlaTarget(t.resolutionAmount(), TargetUnit.valueOf(t.resolutionUnit())))));
        Set<TicketStatus> pausing = Arrays.stream(row.pausingStatuses().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(TicketStatus::valueOf).collect(Collectors.toSet());
        return new SlaPolicy(row.id(), row.name(), row.warningPercent(), pausing, row.calendarId(), targets);
    }
}
