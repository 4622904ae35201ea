package org.atende.reporting;

import org.jspecify.annotations.Nullable;

/**
 * SLA compliance of one group of support tickets (technical service left out). {@code key} is the
 * group's value (a month {@code 2026-11}, a priority, an id; empty when none, e.g. unassigned) and
 * {@code label} how people read it. A share is met / (met + breached), null while none is decided; a
 * clock past its due time counts as breached even while it runs. Times are business seconds of the
 * clocks that stopped (median and 90th percentile, interpolated); paused time is the business time the
 * resolution clocks were paused (waiting on the customer), up to now for a pause still running, shown
 * apart: it is not in the resolution time. {@code pausedTickets} are those whose pauses took business
 * time, and those waiting now.
 */
public record ComplianceRow(String key, String label, long tickets,
        long firstResponseMet, long firstResponseBreached, long firstResponseOpen, @Nullable Double firstResponseMetShare,
        long resolutionMet, long resolutionBreached, long resolutionOpen, @Nullable Double resolutionMetShare,
        @Nullable Double firstResponseMedianSeconds, @Nullable Double firstResponseP90Seconds,
        @Nullable Double resolutionMedianSeconds, @Nullable Double resolutionP90Seconds,
        long pausedTickets, @Nullable Double pausedMedianSeconds, long pausedTotalSeconds, long reopened) {
}
