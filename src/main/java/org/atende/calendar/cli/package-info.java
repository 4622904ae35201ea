/** The {@code business-time} command: the engine's operations as JSON lines, for tools and tests. */
@org.springframework.modulith.NamedInterface("cli")
@org.jspecify.annotations.NullMarked
package org.atende.calendar.cli;
