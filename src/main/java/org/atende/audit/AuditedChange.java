package org.atende.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A change to record, published as an application event (or handed to {@link AuditLog#record}) in the
 * transaction that makes it. {@code before} and {@code after} hold the subject's fields as they were and
 * are (empty on creation, respectively deletion); only the fields whose text differs are kept, and a
 * {@link AuditAction#CHANGED} that changed nothing is not recorded. Values are kept as text; leave out
 * secrets (passwords, token secrets) and message bodies: say that they changed, never what they are.
 *
 * @param subjectId the subject's id as the API names it ({@code "12"})
 * @param subject how people recognise it ({@code "Plan Essencial"}); not personal data of customers
 */
public record AuditedChange(AuditKind kind, AuditAction action, String subjectId, String subject,
        Map<String, @Nullable Object> before, Map<String, @Nullable Object> after) {

    public AuditedChange {
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
    }

    public static AuditedChange created(AuditKind kind, Object subjectId, String subject, Map<String, @Nullable Object> after) {
        return new AuditedChange(kind, AuditAction.CREATED, String.valueOf(subjectId), subject, Map.of(), after);
    }

    public static AuditedChange changed(AuditKind kind, Object subjectId, String subject, Map<String, @Nullable Object> before,
            Map<String, @Nullable Object> after) {
        return new AuditedChange(kind, AuditAction.CHANGED, String.valueOf(subjectId), subject, before, after);
    }

    public static AuditedChange deleted(AuditKind kind, Object subjectId, String subject, Map<String, @Nullable Object> before) {
        return new AuditedChange(kind, AuditAction.DELETED, String.valueOf(subjectId), subject, before, Map.of());
    }

    /** Fields by name, in the order given, nulls allowed: {@code fields("name", "Essencial", "allowance", null)}. */
    public static Map<String, @Nullable Object> fields(@Nullable Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in name and value pairs");
        }
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return fields;
    }

    /** The fields whose text differs between before and after, in order (before's fields first). */
    public Map<String, FieldChange> changes() {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        for (String name : union()) {
            String was = text(before.get(name));
            String is = text(after.get(name));
            if (!Objects.equals(was, is)) {
                changes.put(name, new FieldChange(was, is));
            }
        }
        return changes;
    }

    private Iterable<String> union() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        return names;
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.Collection<?> many) {
            return many.stream().map(String::valueOf).sorted().collect(java.util.stream.Collectors.joining(", "));
        }
        return value.toString();
    }
}
