package org.atende.knowledge.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The facade's refusals, put next to the fields they are about and said in the page's language. The
 * knowledge base lists its problems as {@code "field: what is wrong"}; a taken address is a conflict.
 */
final class FieldErrors {

    private FieldErrors() {
    }

    static final String ARTICLE = "knowledge.problem.";
    static final String CATEGORY = "knowledge.category.problem.";

    /**
     * Field name to message, the messages keyed {@code <prefix><field>} (and {@code <prefix>slugTaken}); a
     * refusal that is not about the form's fields is thrown on, to the error page.
     */
    static Map<String, String> of(ErrorResponseException refused, String prefix, MessageSource messages,
            Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (refused.getStatusCode().value() == HttpStatus.CONFLICT.value()) {
            errors.put("slug", messages.getMessage(prefix + "slugTaken", null, locale));
            return errors;
        }
        var properties = refused.getBody().getProperties();
        if (properties == null || !(properties.get("problems") instanceof List<?> problems)) {
            throw refused;
        }
        for (Object problem : problems) {
            String text = String.valueOf(problem);
            int colon = text.indexOf(':');
            String field = colon > 0 ? text.substring(0, colon).strip() : "form";
            String detail = colon > 0 ? text.substring(colon + 1).strip() : text;
            errors.merge(field, messages.getMessage(key(prefix, field, detail), null, detail, locale), (a, b) -> a + " " + b);
        }
        return errors;
    }

    private static String key(String prefix, String field, String detail) {
        if (field.equals("translationOf")) {
            return prefix + (detail.contains("already") ? "translationOf.taken" : "translationOf.missing");
        }
        if (field.equals("language") && detail.contains("keeps")) {
            return prefix + "language.kept";
        }
        return prefix + field;
    }
}
