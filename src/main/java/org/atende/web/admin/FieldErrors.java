package org.atende.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems a facade found with a form, by field (as the facade names them), shown next to the
 * fields; problems of no field on the page are listed above the form.
 */
final class FieldErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    void add(String field, String message) {
        byField.merge(field, message, (a, b) -> a + "; " + b);
    }

    void general(String message) {
        general.add(message);
    }

    boolean isEmpty() {
        return byField.isEmpty() && general.isEmpty();
    }

    public Map<String, String> getFields() {
        return byField;
    }

    public List<String> getGeneral() {
        return general;
    }

    /** True when a field has a problem (for {@code aria-invalid}). */
    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.getOrDefault(field, "");
    }

    /** Problems a facade wrote as sentences ("name is required"): by their first word when it names a field on the page. */
    static FieldErrors fromSentences(List<String> problems, List<String> fields) {
        FieldErrors errors = new FieldErrors();
        for (String problem : problems) {
            String first = problem.split("[ .\\[]", 2)[0];
            String field = fields.stream().filter(f -> problem.startsWith(f + " ") || problem.startsWith(f + ".")
                    || f.equals(first)).findFirst().orElse(null);
            if (field == null) {
                errors.general(problem);
            } else {
                errors.add(field, problem);
            }
        }
        return errors;
    }
}
