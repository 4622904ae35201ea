package org.atende.satisfaction;

import org.jspecify.annotations.Nullable;

/**
 * Ratings of one group (a month, an agent, a team, an organisation, a channel): how many, good and bad, how many
 * with a comment, and the share of good ones ({@code goodShare}, 0 to 1; null without ratings). {@code key} is the
 * group's id or code ({@code 2026-11}, a user id, {@code EMAIL}; empty for "none", e.g. no agent), {@code label}
 * its name.
 */
public record SatisfactionFigures(String key, String label, long rated, long good, long bad, long comments,
        @Nullable Double goodShare) {

    static SatisfactionFigures of(String key, String label, long rated, long good, long comments) {
        return new SatisfactionFigures(key, label, rated, good, rated - good, comments,
                rated == 0 ? null : Math.round(good * 10_000.0 / rated) / 10_000.0);
    }

    /** "92 %", or "—" without ratings. */
    public String goodSharePercent() {
        return goodShare == null ? "—" : Math.round(goodShare * 100) + " %";
    }
}
