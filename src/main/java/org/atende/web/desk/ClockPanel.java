package org.atende.web.desk;

import org.atende.sla.ClockView;

/** One SLA clock on the ticket page: its reading and, in words, target, elapsed and paused business time. */
public record ClockPanel(String kind, ClockView view, ClockCell cell, String target, String elapsed, String paused) {
}
