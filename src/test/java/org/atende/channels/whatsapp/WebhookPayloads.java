package org.atende.channels.whatsapp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Webhook notifications shaped as the WhatsApp Cloud API sends them. */
final class WebhookPayloads {

    static final String PHONE_NUMBER_ID = "110022003300440";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookPayloads() {
    }

    static String messages(String waId, String name, List<Map<String, Object>> messages) {
        return JSON.writeValueAsString(Map.of("object", "whatsapp_business_account", "entry", List.of(Map.of("id", "102938475610293",
                "changes", List.of(Map.of("field", "messages", "value", Map.of("messaging_product", "whatsapp",
                        "metadata", Map.of("display_phone_number", "351210000000", "phone_number_id", PHONE_NUMBER_ID),
                        "contacts", List.of(Map.of("profile", Map.of("name", name), "wa_id", waId)),
                        "messages", messages)))))));
    }

    static String statuses(List<Map<String, Object>> statuses) {
        return JSON.writeValueAsString(Map.of("object", "whatsapp_business_account", "entry", List.of(Map.of("id", "102938475610293",
                "changes", List.of(Map.of("field", "messages", "value", Map.of("messaging_product", "whatsapp",
                        "metadata", Map.of("display_phone_number", "351210000000", "phone_number_id", PHONE_NUMBER_ID),
                        "statuses", statuses)))))));
    }

    static Map<String, Object> text(String wamid, String from, Instant at, String body) {
        return Map.of("from", from, "id", wamid, "timestamp", String.valueOf(at.getEpochSecond()), "type", "text",
                "text", Map.of("body", body));
    }

    static Map<String, Object> typed(String wamid, String from, Instant at, String type, Object content) {
        return Map.of("from", from, "id", wamid, "timestamp", String.valueOf(at.getEpochSecond()), "type", type, type, content);
    }

    static Map<String, Object> status(String wamid, String status, Instant at) {
        return Map.of("id", wamid, "status", status, "timestamp", String.valueOf(at.getEpochSecond()), "recipient_id", "351912345678");
    }

    static Map<String, Object> failedStatus(String wamid, Instant at, int code, String title) {
        return Map.of("id", wamid, "status", "failed", "timestamp", String.valueOf(at.getEpochSecond()), "recipient_id", "351912345678",
                "errors", List.of(Map.of("code", code, "title", title, "error_data", Map.of("details", "Message failed to send"))));
    }
}
