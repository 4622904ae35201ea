/** The {@code business-time} command: the engine's operations as JSON lines, for tools and tests. */
@org.jspecify.annotations.NullMarked
package org.atende.calendar.cli;
