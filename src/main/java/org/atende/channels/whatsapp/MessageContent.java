package org.atende.channels.whatsapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * What a WhatsApp message says, as text for the ticket, and the media it carries (fetched by id). Every
 * type Meta sends has a reading; a type the desk does not know is {@code UNSUPPORTED}, noted, never a crash.
 * Flow answers, catalogue orders and system notices are read by {@link StructuredContent}.
 */
record MessageContent(Kind kind, String text, @Nullable Media media) {

    enum Kind {
        TEXT, IMAGE, DOCUMENT, AUDIO, VIDEO, STICKER, LOCATION, CONTACTS, INTERACTIVE, FLOW, ORDER, BUTTON, REACTION, SYSTEM,
        UNSUPPORTED
    }

    /** A file the message points to: its id, the name and type WhatsApp gave it, and whether it is a voice note. */
    record Media(String id, @Nullable String filename, @Nullable String mimeType, boolean voice) {
    }

    MessageContent(Kind kind, String text) {
        this(kind, text, null);
    }

    static MessageContent of(JsonNode m) {
        String type = m.path("type").asString("unsupported").toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text" -> new MessageContent(Kind.TEXT, nonBlank(m.path("text").path("body").asString(""), "(empty message)"));
            case "image", "document", "audio", "video", "sticker" -> media(m, type);
            case "location" -> location(m.path("location"));
            case "contacts" -> contacts(m.path("contacts"));
            case "interactive" -> interactive(m.path("interactive"));
            case "order" -> new MessageContent(Kind.ORDER, StructuredContent.order(m.path("order")));
            case "system" -> new MessageContent(Kind.SYSTEM, StructuredContent.system(m.path("system")));
            case "button" -> new MessageContent(Kind.BUTTON, nonBlank(m.path("button").path("text").asString(""),
                    m.path("button").path("payload").asString("(a button)")));
            case "reaction" -> {
                String emoji = m.path("reaction").path("emoji").asString("");
                yield new MessageContent(Kind.REACTION, (emoji.isEmpty() ? "removed a reaction" : "reacted " + emoji)
                        + " to " + m.path("reaction").path("message_id").asString("a message"));
            }
            default -> new MessageContent(Kind.UNSUPPORTED, "a message of a type WhatsApp does not pass on ("
                    + type + errors(m.path("errors")) + ")");
        };
    }

    private static MessageContent interactive(JsonNode i) {
        String type = i.path("type").asString("");
        if (type.equals("nfm_reply") || i.has("nfm_reply")) {
            return new MessageContent(Kind.FLOW, StructuredContent.flowReply(i.path("nfm_reply")));
        }
        JsonNode reply = i.has("button_reply") ? i.path("button_reply") : i.path("list_reply");
        String title = reply.path("title").asString("");
        String description = reply.path("description").asString("");
        return new MessageContent(Kind.INTERACTIVE, nonBlank(title + (description.isEmpty() ? "" : " — " + description),
                "(a choice: " + reply.path("id").asString("?") + ")"));
    }

    private static MessageContent media(JsonNode m, String type) {
        JsonNode media = m.path(type);
        Kind kind = Kind.valueOf(type.toUpperCase(Locale.ROOT));
        String caption = media.path("caption").asString("");
        String filename = media.path("filename").asString("");
        boolean voice = kind == Kind.AUDIO && media.path("voice").asBoolean(false);
        String label = voice ? "voice note" : type;
        String text = !caption.isBlank() ? caption : "(" + label + (filename.isBlank() ? "" : ": " + filename) + ")";
        String id = media.path("id").asString("");
        String mime = media.path("mime_type").asString("");
        return new MessageContent(kind, text, id.isEmpty() ? null
                : new Media(id, filename.isBlank() ? null : filename, mime.isBlank() ? null : mime, voice));
    }

    private static MessageContent location(JsonNode l) {
        String lat = l.path("latitude").asString("");
        String lon = l.path("longitude").asString("");
        List<String> parts = new ArrayList<>();
        parts.add("📍 " + lat + ", " + lon);
        if (!l.path("name").asString("").isBlank()) {
            parts.add(l.path("name").asString(""));
        }
        if (!l.path("address").asString("").isBlank()) {
            parts.add(l.path("address").asString(""));
        }
        parts.add("https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon);
        return new MessageContent(Kind.LOCATION, String.join("\n", parts));
    }

    private static MessageContent contacts(JsonNode contacts) {
        List<String> lines = new ArrayList<>();
        for (JsonNode c : contacts) {
            StringBuilder b = new StringBuilder("👤 ").append(c.path("name").path("formatted_name").asString("?"));
            for (JsonNode p : c.path("phones")) {
                b.append(" · ").append(p.path("phone").asString(""));
            }
            for (JsonNode e : c.path("emails")) {
                b.append(" · ").append(e.path("email").asString(""));
            }
            lines.add(b.toString());
        }
        return new MessageContent(Kind.CONTACTS, lines.isEmpty() ? "(a shared contact)" : String.join("\n", lines));
    }

    private static String errors(JsonNode errors) {
        StringBuilder b = new StringBuilder();
        for (JsonNode e : errors) {
            b.append("; ").append(e.path("code").asString("")).append(' ').append(e.path("title").asString(""));
        }
        return b.toString();
    }

    static String nonBlank(String s, String otherwise) {
        return s.isBlank() ? otherwise : s;
    }
}
