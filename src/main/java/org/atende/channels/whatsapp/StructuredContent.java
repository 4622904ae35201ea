package org.atende.channels.whatsapp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messages that carry data rather than words, read into lines an agent can take in at a glance: a
 * WhatsApp Flow's answers ({@code interactive.nfm_reply}: its {@code response_json}, a JSON text, as
 * "field: value" lines), a catalogue order (each item with its quantity, price and amount, the total per
 * currency, and the customer's note), and WhatsApp's own notices ({@code system}), of which a changed
 * number also changes the contact ({@link NumberChange}).
 */
final class StructuredContent {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Flows made in Meta's builder name their fields after the screen and the component: {@code screen_0_Nome_0}. */
    private static final Pattern BUILDER_KEY = Pattern.compile("^screen_\\d+_(.+?)(_\\d+)?$");
    private static final Pattern BUILDER_OPTION = Pattern.compile("^\\d+_(.+)$");

    /** A customer moved to a new number: the one they wrote from, and the new one. */
    record NumberChange(String from, String to) {

        static Optional<NumberChange> of(JsonNode message) {
            JsonNode system = message.path("system");
            String type = system.path("type").asString("");
            if (!type.equals("customer_changed_number") && !type.equals("user_changed_number")) {
                return Optional.empty();
            }
            String to = system.path("new_wa_id").asString(system.path("wa_id").asString("")).replaceAll("\\D", "");
            String from = message.path("from").asString("").replaceAll("\\D", "");
            return to.isEmpty() || from.isEmpty() || to.equals(from) ? Optional.empty() : Optional.of(new NumberChange(from, to));
        }
    }

    private StructuredContent() {
    }

    static String flowReply(JsonNode reply) {
        String name = reply.path("name").asString("");
        List<String> lines = new ArrayList<>();
        lines.add("📋 " + (name.equals("address_message") ? "Address" : "Form reply")
                + (name.isBlank() || name.equals("flow") || name.equals("address_message") ? "" : " (" + name + ")"));
        JsonNode answers = answers(reply.path("response_json"));
        if (answers == null) {
            lines.add(reply.path("response_json").asString("(no answers)"));
        } else {
            flatten("", answers, false, lines);
        }
        if (lines.size() == 1) {
            lines.add(MessageContent.nonBlank(reply.path("body").asString(""), "(no answers)"));
        }
        return String.join("\n", lines);
    }

    /** {@code response_json} is a JSON text inside the JSON; some senders put the object itself. */
    private static @Nullable JsonNode answers(JsonNode responseJson) {
        if (responseJson.isObject()) {
            return responseJson;
        }
        try {
            JsonNode parsed = JSON.readTree(responseJson.asString(""));
            return parsed.isObject() ? parsed : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void flatten(String prefix, JsonNode node, boolean builderMade, List<String> lines) {
        for (var field : node.properties()) {
            String key = field.getKey();
            if (prefix.isEmpty() && key.equals("flow_token")) {
                continue; // the flow's own correlation id, not an answer
            }
            var builder = BUILDER_KEY.matcher(key);
            boolean made = builderMade || builder.matches();
            String label = prefix + capitalised((builder.matches() ? builder.group(1) : key).replace('_', ' ').strip());
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(label + " › ", value, made, lines);
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                for (JsonNode item : value) {
                    items.add(item.isValueNode() ? scalar(item, made) : item.toString());
                }
                lines.add(label + ": " + String.join(", ", items));
            } else {
                lines.add(label + ": " + scalar(value, made));
            }
        }
    }

    private static String scalar(JsonNode value, boolean builderMade) {
        if (value.isBoolean()) {
            return value.asBoolean() ? "✔" : "✘";
        }
        if (value.isNull()) {
            return "—";
        }
        String text = value.asString("");
        var option = BUILDER_OPTION.matcher(text);
        return builderMade && option.matches() ? option.group(1).replace('_', ' ') : text;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String order(JsonNode order) {
        List<String> lines = new ArrayList<>();
        String catalogue = order.path("catalog_id").asString("");
        lines.add("🛒 Order" + (catalogue.isEmpty() ? "" : " (catalogue " + catalogue + ")"));
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (JsonNode item : order.path("product_items")) {
            String product = item.path("product_retailer_id").asString("?");
            BigDecimal quantity = decimal(item.path("quantity"));
            BigDecimal price = decimal(item.path("item_price"));
            String currency = item.path("currency").asString("");
            StringBuilder line = new StringBuilder("• ").append(product).append(" × ")
                    .append(quantity == null ? item.path("quantity").asString("?") : quantity.stripTrailingZeros().toPlainString());
            if (price != null) {
                line.append(" at ").append(price.toPlainString()).append(currency.isEmpty() ? "" : " " + currency);
                if (quantity != null) {
                    BigDecimal amount = price.multiply(quantity).setScale(Math.max(price.scale(), 2), RoundingMode.HALF_UP);
                    line.append(" = ").append(amount.toPlainString()).append(currency.isEmpty() ? "" : " " + currency);
                    totals.merge(currency, amount, BigDecimal::add);
                }
            }
            lines.add(line.toString());
        }
        if (lines.size() == 1) {
            lines.add("(no items)");
        }
        totals.forEach((currency, total) -> lines.add("Total: " + total.toPlainString() + (currency.isEmpty() ? "" : " " + currency)));
        String note = order.path("text").asString("");
        if (!note.isBlank()) {
            lines.add("Note: " + note.strip());
        }
        return String.join("\n", lines);
    }

    private static @Nullable BigDecimal decimal(JsonNode n) {
        try {
            String text = n.isNumber() ? n.numberValue().toString() : n.asString("").strip().replace(',', '.');
            return text.isEmpty() ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String system(JsonNode system) {
        String type = system.path("type").asString("");
        String body = system.path("body").asString("");
        return switch (type) {
            case "customer_changed_number", "user_changed_number" -> MessageContent.nonBlank(body, "changed their number to "
                    + system.path("new_wa_id").asString(system.path("wa_id").asString("?")));
            case "customer_identity_changed" -> MessageContent.nonBlank(body, "their WhatsApp security code changed");
            default -> MessageContent.nonBlank(body, "a notice from WhatsApp (" + type + ")");
        };
    }
}
