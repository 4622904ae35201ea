package org.atende.views;

/** A view and how many tickets it holds now; {@code exact} false: at least that many (the count stops there). */
public record ViewCount(SavedView view, long count, boolean exact) {
}
