package org.atende.web.desk;

/** A line of the clock timeline, in the page's language: when (Lisbon time), what, and a style (the state it means). */
public record TimelineLine(String at, String text, String style) {
}
