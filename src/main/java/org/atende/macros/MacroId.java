package org.atende.macros;

/** A macro's identity. */
public record MacroId(long value) {
}
