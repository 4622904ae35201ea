package org.atende.calendar.internal;

/** Business time as a sequence of windows of precomputed openings. */
interface Openings {

    /** The openings of window {@code k}, i.e. of {@code [k * WINDOW, (k + 1) * WINDOW)}. */
    WindowOpenings window(long k);
}
