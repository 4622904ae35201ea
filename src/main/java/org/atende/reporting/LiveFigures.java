package org.atende.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.atende.sla.ClockKind;
import org.atende.sla.ClockMeasure;
import org.atende.sla.SlaClocks;
import org.atende.tickets.TicketId;
import org.springframework.stereotype.Component;

/**
 * Tickets' figures as they stand at an instant. The read model is written when a ticket changes; between
 * two changes a running clock may pass its due time (breached, though the sweep has not marked it yet)
 * and a running pause grows. Those tickets are few (the ones waiting, or running late) and are read here
 * again: the due time from the row, the paused time from the clock itself, measured up to now.
 */
@Component
class LiveFigures {

    private final SlaClocks clocks;

    LiveFigures(SlaClocks clocks) {
        this.clocks = clocks;
    }

    /** The rows as they stand at {@code now}, in the same order. */
    List<TicketFigures> at(List<TicketFigures> rows, Instant now) {
        List<TicketId> paused = rows.stream().filter(f -> f.pausedSince() != null).map(f -> new TicketId(f.ticketId())).toList();
        Map<TicketId, List<ClockMeasure>> measured = paused.isEmpty() ? Map.of() : clocks.measure(paused, now);
        List<TicketFigures> live = new ArrayList<>(rows.size());
        for (TicketFigures f : rows) {
            if (!f.movesBy(now)) {
                live.add(f);
                continue;
            }
            long pausedSeconds = measured.getOrDefault(new TicketId(f.ticketId()), List.of()).stream()
                    .filter(m -> m.kind() == ClockKind.RESOLUTION).mapToLong(ClockMeasure::pausedSeconds).findFirst()
                    .orElse(f.pausedSeconds());
            live.add(f.at(now, pausedSeconds));
        }
        return live;
    }
}
