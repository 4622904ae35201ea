package org.atende.sla;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.atende.operations.LogFields;
import org.atende.sla.internal.CalendarStore;
import org.atende.sla.internal.ClockKey;
import org.atende.sla.internal.ClockStore;
import org.atende.sla.internal.StoredClock;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Reads stored clocks on their calendars and writes down what a reading finds. The one place that
 * marks warnings and breaches, so that each is recorded on the timeline and published exactly once:
 * the mark is a conditional update ({@code ... IS NULL}) on a row the caller holds locked.
 */
@Component
class ClockBook {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ClockBook.class);

    static final String PAUSED = "SLA_PAUSED";
    static final String RESUMED = "SLA_RESUMED";
    static final String WARNING = "SLA_WARNING";
    static final String BREACHED = "SLA_BREACHED";
    static final String TARGET_CHANGED = "SLA_TARGET_CHANGED";
    static final String EXCLUDED = "SLA_EXCLUDED";
    static final String RESTARTED = "SLA_RESTARTED";

    private final ClockStore store;
    private final CalendarStore calendars;
    private final Tickets tickets;
    private final ApplicationEventPublisher events;

    ClockBook(ClockStore store, CalendarStore calendars, Tickets tickets, ApplicationEventPublisher events) {
        this.store = store;
        this.calendars = calendars;
        this.tickets = tickets;
        this.events = events;
    }

    /** Business time is counted in whole seconds: a due instant is met through its whole second. */
    static Instant second(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS);
    }

    ClockReading read(StoredClock clock, Instant now) {
        return ClockReader.read(calendars.calendar(clock.calendarId(), clock.calendarVersion()), clock.facts(),
                clock.warningPercent(), second(now));
    }

    /**
     * Writes the clock as read now (state, due and warning times, stop) and, if it is past its due time
     * for the first time, marks the breach.
     */
    Settled settle(StoredClock clock, Instant now) {
        ClockReading reading = read(clock, now);
        store.write(clock.key(), reading.state(), reading.dueAt(), reading.warnAt(), clock.facts().stoppedAt());
        if (reading.breached() && clock.breachedAt() != null && !clock.breachedAt().equals(reading.dueAt())) {
            store.moveBreach(clock.key(), reading.dueAt()); // new terms moved the due time, still past: the breach moves with it
        }
        return new Settled(reading, reading.breached() && markBreach(clock, reading, now));
    }

    /** What {@link #sweep} did: clocks read (the others could not be, and are left for the next pass), warnings and breaches marked. */
    record Swept(int read, int warned, int breached) {
    }

    /**
     * The sweep's work on clocks it holds locked, as just loaded: each is read now and written when the reading moved
     * its state, due or warning time; its warning is marked (timeline and {@link SlaWarning}) when its warning time has
     * come, and its breach as {@link #settle} marks one. Each kind of write is done for all the clocks together: the
     * updates in batches, the timeline lines in one insert, then the events, in the clocks' order.
     */
    Swept sweep(List<StoredClock> clocks, Instant now) {
        Instant noticed = second(now);
        List<ClockStore.ClockWrite> writes = new ArrayList<>();
        List<StoredClock> toWarn = new ArrayList<>();
        List<StoredClock> toBreach = new ArrayList<>();
        java.util.Map<ClockKey, ClockReading> readings = new java.util.HashMap<>();
        for (StoredClock c : clocks) {
            ClockReading reading;
            try {
                reading = read(c, now);
            } catch (RuntimeException e) {
                try (var about = LogFields.aboutTicket(tickets.numbersOf(List.of(c.key().ticket())).getOrDefault(c.key().ticket(), 0L))) {
                    log.error("SLA sweep could not read clock {} of ticket {}; left for the next pass", c.key().kind(), c.key().ticket(), e);
                }
                continue;
            }
            readings.put(c.key(), reading);
            // the clocks are held locked as just loaded: a mark not yet set is set now, with the clock's new times
            if (!reading.breached() && reading.state() == ClockState.RUNNING && c.warnedAt() == null && !now.isBefore(reading.warnAt())) {
                toWarn.add(c);
            } else if (reading.breached() && c.breachedAt() == null) {
                toBreach.add(c);
            } else if (reading.state() != c.state() || !reading.dueAt().equals(c.dueAt()) || !reading.warnAt().equals(c.warnAt())) {
                writes.add(write(c, reading));
            }
            if (reading.breached() && c.breachedAt() != null && !c.breachedAt().equals(reading.dueAt())) {
                store.moveBreach(c.key(), reading.dueAt()); // new terms moved the due time, still past: the breach moves with it
            }
        }
        if (!writes.isEmpty()) {
            store.writeAll(writes);
        }
        boolean[] warned = toWarn.isEmpty() ? new boolean[0]
                : store.markWarnedAll(toWarn.stream().map(c -> write(c, readings.get(c.key()))).toList(), noticed);
        boolean[] breached = toBreach.isEmpty() ? new boolean[0] : store.markBreachedAll(toBreach.stream().map(c -> new ClockStore.BreachMark(
                c.key(), readings.get(c.key()).dueAt(), readings.get(c.key()).warnAt(), noticed)).toList());
        java.util.Set<ClockKey> warnedKeys = new java.util.HashSet<>();
        java.util.Set<ClockKey> breachedKeys = new java.util.HashSet<>();
        for (int i = 0; i < warned.length; i++) {
            if (warned[i]) {
                warnedKeys.add(toWarn.get(i).key());
            }
        }
        for (int i = 0; i < breached.length; i++) {
            if (breached[i]) {
                breachedKeys.add(toBreach.get(i).key());
            }
        }
        List<ClockStore.ClockWrite> unmarked = java.util.stream.Stream.concat(toWarn.stream().filter(c -> !warnedKeys.contains(c.key())),
                toBreach.stream().filter(c -> !breachedKeys.contains(c.key()))).map(c -> write(c, readings.get(c.key()))).toList();
        if (!unmarked.isEmpty()) { // marked meanwhile after all: written as read, as any other
            store.writeAll(unmarked);
        }
        List<java.util.Map.Entry<TicketId, TimelineEntry>> lines = new ArrayList<>();
        List<Object> marks = new ArrayList<>();
        for (StoredClock c : clocks) {
            ClockReading reading = readings.get(c.key());
            if (reading == null) {
                continue;
            }
            if (warnedKeys.contains(c.key())) {
                lines.add(line(c, WARNING, now, warningDetail(c, reading)));
                marks.add(new SlaWarning(c.key().ticket(), c.key().kind(), reading.dueAt(), noticed, reading.remainingSeconds()));
            }
            if (breachedKeys.contains(c.key())) {
                lines.add(line(c, BREACHED, reading.dueAt(), breachDetail(c, reading, noticed)));
                marks.add(new SlaBreached(c.key().ticket(), c.key().kind(), reading.dueAt(), reading.dueAt(), noticed,
                        reading.remainingSeconds()));
            }
        }
        if (!lines.isEmpty()) {
            tickets.recordOnTimelines(lines);
        }
        marks.forEach(events::publishEvent);
        return new Swept(readings.size(), warnedKeys.size(), breachedKeys.size());
    }

    private static ClockStore.ClockWrite write(StoredClock clock, ClockReading reading) {
        return new ClockStore.ClockWrite(clock.key(), reading.state(), reading.dueAt(), reading.warnAt());
    }

    private static String warningDetail(StoredClock clock, ClockReading reading) {
        return "%s target (%s): %d%% used, due %s".formatted(clock.key().kind().label(), clock.facts().target(),
                clock.warningPercent(), reading.dueAt());
    }

    private static String breachDetail(StoredClock clock, ClockReading reading, Instant noticed) {
        return "%s target (%s) missed at its due time %s (noticed %s)".formatted(clock.key().kind().label(),
                clock.facts().target(), reading.dueAt(), noticed);
    }

    private static java.util.Map.Entry<TicketId, TimelineEntry> line(StoredClock clock, String kind, Instant at, String detail) {
        return java.util.Map.entry(clock.key().ticket(), new TimelineEntry(second(at), null, TimelineEntry.SYSTEM, kind,
                clock.key().kind().name(), null, null, detail));
    }

    /** A clock as written: its reading, and whether writing it marked its breach. */
    record Settled(ClockReading reading, boolean breachMarked) {
    }

    /**
     * Marks the breach unless it is marked: timeline and {@link SlaBreached}. The breach happened at the
     * due time, whenever it is noticed (a sweep a minute later, a late stop, a new target that puts the
     * due time in the past): that instant is the breach's, on the timeline and in the event; when it was
     * noticed is kept apart. True when this call marked it.
     */
    boolean markBreach(StoredClock clock, ClockReading reading, Instant now) {
        Instant noticed = second(now);
        if (!store.markBreached(clock.key(), reading.dueAt(), noticed)) {
            return false;
        }
        record(clock, BREACHED, reading.dueAt(), breachDetail(clock, reading, noticed));
        events.publishEvent(new SlaBreached(clock.key().ticket(), clock.key().kind(), reading.dueAt(), reading.dueAt(), noticed));
        return true;
    }

    /** A system entry on the ticket's timeline; {@code field} names the clock. */
    void record(StoredClock clock, String kind, Instant at, String detail) {
        var line = line(clock, kind, at, detail);
        tickets.recordOnTimeline(line.getKey(), line.getValue());
    }

    /** A system entry about all of a ticket's clocks. */
    void record(TicketId ticket, String kind, Instant at, String detail) {
        tickets.recordOnTimeline(ticket, TimelineEntry.bySystem(second(at), kind, detail));
    }

    /** Writes the pauses a status change means for a resolution clock; the stop is written when it is settled. */
    void write(ClockKey key, ResolutionTransition.Plan plan) {
        for (var step : plan.steps()) {
            switch (step) {
                case ResolutionTransition.Step.ClosePause close -> store.closePause(key, close.at());
                case ResolutionTransition.Step.Stop stop -> { }
                case ResolutionTransition.Step.Unstop unstop -> store.addPause(key, unstop.stoppedAt(), unstop.at(), unstop.reason());
                case ResolutionTransition.Step.OpenPause open -> store.addPause(key, open.at(), null, open.reason());
            }
        }
    }

    /**
     * Inserts both clocks of a ticket, started at {@code start} (whole seconds) under {@code terms}, with their
     * state, due and warning times as read now (computed before the insert, so each clock is one row written
     * once). A clock already past its due time (a ticket received long before it was taken in) has its breach
     * marked. Answers the earliest due time of the clocks (the queue's sort key; a new clock always counts), or
     * null when the ticket had clocks already and nothing was written.
     */
    @Nullable Instant start(TicketId ticket, Priority priority, ClockTerms.InForce terms, Instant start, Instant now) {
        List<StoredClock> drafts = drafts(ticket, priority, terms, start);
        List<ClockStore.NewClock> clocks = new ArrayList<>();
        for (StoredClock draft : drafts) {
            clocks.add(new ClockStore.NewClock(draft.key(), draft.policyId(), draft.calendarId(), draft.warningPercent(), start,
                    draft.facts().target(), read(draft, now)));
        }
        if (!store.insertAll(clocks)) {
            return null; // the ticket had its clocks already
        }
        for (int i = 0; i < clocks.size(); i++) {
            ClockReading reading = clocks.get(i).reading();
            if (reading.breached()) {
                markBreach(drafts.get(i), reading, now);
            }
        }
        return firstDue(clocks.stream().map(ClockStore.NewClock::reading).toList());
    }

    /**
     * The earliest due time both clocks of a ticket would have if started at {@code start} (whole seconds) under
     * {@code terms}, as {@link #start} finds it: asked before a ticket is written ({@link OpeningDue}).
     */
    @Nullable Instant firstDue(Priority priority, ClockTerms.InForce terms, Instant start, Instant now) {
        // no ticket yet: the drafts' key is only read, never written
        return firstDue(drafts(new TicketId(0), priority, terms, start).stream().map(draft -> read(draft, now)).toList());
    }

    /** A new ticket's clocks as they stand before they are written: running from {@code start}, no pause. */
    private static List<StoredClock> drafts(TicketId ticket, Priority priority, ClockTerms.InForce terms, Instant start) {
        SlaPolicy policy = terms.policy();
        List<StoredClock> drafts = new ArrayList<>();
        for (ClockKind kind : ClockKind.values()) {
            drafts.add(new StoredClock(new ClockKey(ticket, kind), policy.id(), terms.calendarId(), null, policy.warningPercent(),
                    new ClockFacts(start, policy.target(priority, kind), List.of(), null), ClockState.RUNNING, start, start,
                    null, null, null, null));
        }
        return drafts;
    }

    /** The queue's sort key: the earliest due time of the clocks that count (a paused clock's moves on with its pause). */
    private static @Nullable Instant firstDue(List<ClockReading> readings) {
        Instant first = null;
        for (ClockReading reading : readings) {
            if (reading.state() != ClockState.PAUSED && (first == null || reading.dueAt().isBefore(first))) {
                first = reading.dueAt();
            }
        }
        return first;
    }

    /**
     * A first-response clock answered at {@code at}, never before its start or the start of its last
     * pause. A pause open then (technical service) ends at the answer: that end is written here, the
     * stop when the clock is settled.
     */
    StoredClock answered(StoredClock clock, Instant at) {
        ClockFacts facts = clock.facts();
        List<Pause> pauses = new ArrayList<>(facts.pauses());
        Instant when = second(at);
        if (when.isBefore(facts.start())) {
            when = facts.start();
        }
        if (!pauses.isEmpty() && when.isBefore(pauses.getLast().from())) {
            when = pauses.getLast().from();
        }
        if (facts.isPaused()) {
            store.closePause(clock.key(), when);
            pauses.set(pauses.size() - 1, new Pause(pauses.getLast().from(), when));
        }
        return clock.withFacts(new ClockFacts(facts.start(), facts.target(), pauses, when));
    }

    /** Tells the modules that follow the clocks that new terms moved a ticket's due times. */
    void targetsChanged(TicketId ticket, Instant at) {
        events.publishEvent(new SlaTargetsChanged(ticket, second(at)));
    }

    /** Tells tickets the earliest due time of the ticket's counting clocks, the queue's sort key. */
    void refreshNextDue(TicketId ticket) {
        tickets.setNextDue(ticket, store.nextDue(ticket));
    }
}
