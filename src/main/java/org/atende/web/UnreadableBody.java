package org.atende.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Explains why a request body could not be read, in words a client can act on, naming the field
 * (as a path such as {@code emailDomains[2]}) when there is one. Never echoes more than a short
 * piece of the value sent.
 */
record UnreadableBody(String detail, @Nullable FieldProblem field) {

    private static final int MAX_ECHO = 40;

    static UnreadableBody explain(Throwable failure) {
        JacksonException jackson = find(failure, JacksonException.class);
        if (jackson == null) {
            return new UnreadableBody("The request body is missing or is not valid JSON.", null);
        }
        String original = String.valueOf(jackson.getOriginalMessage());
        if (original.startsWith("Duplicate Object property")) { // strict duplicate detection: "…property \"name\""
            String key = original.replaceFirst("^[^\"]*\"", "").replaceFirst("\".*$", "");
            return new UnreadableBody("The request body has the key '" + echo(key) + "' twice in one object.",
                    new FieldProblem(key, "appears twice"));
        }
        String path = path(jackson);
        String problem = switch (jackson) {
            case UnrecognizedPropertyException e -> "is not a known field; expected one of "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            case InvalidNullException e -> "must not be null";
            case InvalidFormatException e -> "'" + echo(e.getValue()) + "' is not " + expected(e.getTargetType());
            case MismatchedInputException e when e.getOriginalMessage() != null
                    && e.getOriginalMessage().startsWith("must be text without") -> e.getOriginalMessage();
            case MismatchedInputException e -> "must be " + expected(e.getTargetType());
            case InputCoercionException e -> "is out of range; it must be " + expected(e.getTargetType());
            case ValueInstantiationException e -> e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : "has a value that is not accepted";
            default -> path.isEmpty() ? null : "could not be read";
        };
        if (problem == null || path.isEmpty()) {
            String where = jackson.getLocation() == null ? ""
                    : " at line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr();
            String what = problem == null ? "The request body is not valid JSON" + where + "."
                    : "The request body " + problem + ".";
            return new UnreadableBody(what, null);
        }
        return new UnreadableBody("Field '" + path + "' " + problem + ".", new FieldProblem(path, problem));
    }

    static @Nullable <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String echo(@Nullable Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "…";
    }

    private static final Map<Class<?>, String> TYPES = Map.ofEntries(
            Map.entry(String.class, "text"),
            Map.entry(Boolean.class, "true or false"), Map.entry(boolean.class, "true or false"),
            Map.entry(Instant.class, "an ISO-8601 instant such as 2026-01-31T09:30:00Z"),
            Map.entry(OffsetDateTime.class, "an ISO-8601 date-time with offset such as 2026-01-31T09:30:00+00:00"),
            Map.entry(ZonedDateTime.class, "an ISO-8601 date-time with offset such as 2026-01-31T09:30:00+00:00"),
            Map.entry(LocalDate.class, "an ISO-8601 date such as 2026-01-31"),
            Map.entry(LocalTime.class, "a time such as 09:30"));

    static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class && type != char.class)) {
            return type == Double.class || type == double.class || type == Float.class || type == float.class
                    ? "a number" : "a whole number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray() || type == List.class) {
            return "a list";
        }
        return TYPES.getOrDefault(type, "an object");
    }
}
