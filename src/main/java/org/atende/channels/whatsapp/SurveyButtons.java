package org.atende.channels.whatsapp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atende.customers.Language;
import org.atende.satisfaction.Rating;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The satisfaction question on WhatsApp: its text, and two reply buttons whose ids carry the survey's token
 * ({@code csat:good:<token>}); a customer's tap comes back as an interactive button reply (or, from the template, a
 * quick-reply button) naming that id.
 */
final class SurveyButtons {

    private static final String PREFIX = "csat:";

    /** A tap on one of the buttons: what it said and the survey's token. */
    record Tap(Rating rating, String token) {
    }

    private SurveyButtons() {
    }

    static String question(Language language, long number) {
        return switch (language) {
            case ES -> "Hemos resuelto su solicitud #" + number + ". ¿Le ayudó nuestra respuesta?";
            case PT -> "Resolvemos o seu pedido #" + number + ". A nossa resposta ajudou?";
            case EN -> "We have resolved your request #" + number + ". Did our answer help?";
        };
    }

    static Map<String, String> buttons(Language language, String token) {
        Map<String, String> buttons = new LinkedHashMap<>();
        buttons.put(payload(Rating.GOOD, token), switch (language) {
            case ES -> "Sí, me ayudó";
            case PT -> "Sim, ajudou";
            case EN -> "Yes, it helped";
        });
        buttons.put(payload(Rating.BAD, token), switch (language) {
            case ES -> "No me ayudó";
            case PT -> "Não ajudou";
            case EN -> "It did not help";
        });
        return buttons;
    }

    static List<String> payloads(String token) {
        return List.of(payload(Rating.GOOD, token), payload(Rating.BAD, token));
    }

    static String thanks(Language language, Rating rating, String commentPage) {
        return switch (language) {
            case ES -> (rating == Rating.GOOD ? "¡Gracias! " : "Gracias, lo tendremos en cuenta. ")
                    + "Si quiere decirnos algo más: " + commentPage;
            case PT -> (rating == Rating.GOOD ? "Obrigado! " : "Obrigado, vamos ter isso em conta. ")
                    + "Se quiser dizer-nos mais alguma coisa: " + commentPage;
            case EN -> (rating == Rating.GOOD ? "Thank you! " : "Thank you, we will take it into account. ")
                    + "If you want to tell us more: " + commentPage;
        };
    }

    /** The tap a message is, if it is one: an interactive button reply or a template's quick-reply button. */
    static Optional<Tap> of(JsonNode message) {
        String id = switch (message.path("type").asString("")) {
            case "interactive" -> message.path("interactive").path("button_reply").path("id").asString("");
            case "button" -> message.path("button").path("payload").asString("");
            default -> "";
        };
        return parse(id);
    }

    static Optional<Tap> parse(@Nullable String id) {
        if (id == null || !id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = id.split(":", 3);
        if (parts.length != 3 || parts[2].isBlank()) {
            return Optional.empty();
        }
        return switch (parts[1]) {
            case "good" -> Optional.of(new Tap(Rating.GOOD, parts[2]));
            case "bad" -> Optional.of(new Tap(Rating.BAD, parts[2]));
            default -> Optional.empty();
        };
    }

    private static String payload(Rating rating, String token) {
        return PREFIX + rating.name().toLowerCase(java.util.Locale.ROOT) + ":" + token;
    }
}
