package org.atende.channels.whatsapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a webhook notification brings, read before it is stored: the messages written to the numbers the
 * desk serves (each with its sender, the key its messages are taken in one at a time by), whether it
 * carries statuses of what the desk sent, and the numbers it names that the desk does not serve (a
 * notification for another business's number opens nothing and sends nothing).
 */
record NotificationReading(List<Queued> messages, boolean statuses, Set<String> foreignNumbers) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One message to take in: its number, its sender, its own timestamp, and the JSON of it and of the sender's profile. */
    record Queued(String phoneNumberId, String sender, String wamid, Instant sentAt, String message, String profile) {
    }

    boolean servesAnything() {
        return !messages.isEmpty() || statuses;
    }

    static NotificationReading of(JsonNode root, WhatsAppProperties properties, Instant now) {
        List<Queued> messages = new ArrayList<>();
        boolean statuses = false;
        Set<String> foreign = new TreeSet<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if (!change.path("field").asString("").equals("messages")) {
                    continue;
                }
                JsonNode value = change.path("value");
                String number = value.path("metadata").path("phone_number_id").asString("");
                if (properties.number(number).isEmpty()) {
                    if (value.has("messages") || value.has("statuses")) {
                        foreign.add(number.isEmpty() ? "(none)" : number);
                    }
                    continue;
                }
                statuses |= !value.path("statuses").isEmpty();
                for (JsonNode message : value.path("messages")) {
                    String wamid = message.path("id").asString("");
                    if (wamid.isEmpty()) {
                        continue; // nothing to key it by: nothing to take in
                    }
                    JsonNode profile = profileOf(value, message);
                    messages.add(new Queued(number, senderOf(profile, message), wamid,
                            NotificationWork.epochSeconds(message.path("timestamp").asString(""), now),
                            JSON.writeValueAsString(message), JSON.writeValueAsString(profile)));
                }
            }
        }
        return new NotificationReading(List.copyOf(messages), statuses, foreign);
    }

    /** The sender's phone digits (wa_id), else the business-scoped user id; a message without either is its own sender. */
    static String senderOf(JsonNode profile, JsonNode message) {
        String from = message.path("from").asString(profile.path("wa_id").asString("")).replaceAll("\\D", "");
        if (!from.isEmpty()) {
            return from;
        }
        String user = message.path("from_user_id").asString(profile.path("user_id").asString(""));
        // a hash keeps the key short; two such messages sharing one only wait for each other
        return user.isEmpty() ? "wamid:" + Integer.toHexString(message.path("id").asString("").hashCode()) : user;
    }

    /** The contact entry of the message's sender (by wa_id or user id), or an empty object. */
    static JsonNode profileOf(JsonNode value, JsonNode message) {
        String from = message.path("from").asString("");
        String user = message.path("from_user_id").asString(message.path("user_id").asString(""));
        for (JsonNode contact : value.path("contacts")) {
            if ((!from.isEmpty() && from.equals(contact.path("wa_id").asString("")))
                    || (!user.isEmpty() && user.equals(contact.path("user_id").asString("")))) {
                return contact;
            }
        }
        return value.path("contacts").size() == 1 ? value.path("contacts").get(0) : JSON.createObjectNode();
    }
}
