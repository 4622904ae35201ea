package org.atende.macros;

import java.util.List;

/**
 * One thing wrong with a macro: the {@code field} it is about ({@code name}, {@code texts.pt}, {@code actions.teamId}…),
 * a stable {@code code} a page writes in its own language (with {@code args}), and the English {@code message}
 * the API answers.
 */
public record MacroProblem(String field, String code, List<String> args, String message) {

    public MacroProblem {
        args = List.copyOf(args);
    }
}
