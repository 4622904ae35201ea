package org.atende.channels.email.mime;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;

/**
 * Text, HTML and files gathered from some parts of a mail, in the order they came. Each body part is one
 * piece: a text, an HTML, or both readings of one {@code multipart/alternative}; notes and forwarded
 * mails are pieces of text alone. The mail's text is every piece's text in order (an HTML piece's made
 * from its HTML); its HTML, when any piece has HTML, is every body piece's HTML in order (a text piece's
 * written as HTML), so that a {@code text/plain} and a separate {@code text/html} part of a
 * {@code multipart/mixed} both stay in both.
 */
final class BodyParts {

    private record Piece(@Nullable String text, @Nullable String html, boolean body) {
    }

    private final List<Piece> pieces = new ArrayList<>();
    final List<MailAttachment> attachments = new ArrayList<>();
    final List<String> dropped = new ArrayList<>();

    /** A text body part. */
    void addText(String s) {
        if (!s.isBlank()) {
            pieces.add(new Piece(s.strip(), null, true));
        }
    }

    /** An HTML body part. */
    void addHtml(String html) {
        if (!html.isBlank()) {
            pieces.add(new Piece(null, html, true));
        }
    }

    /** Both readings of one alternative: the text, the HTML, or both. */
    void addReadings(String text, String html) {
        if (!text.isBlank() || !html.isBlank()) {
            pieces.add(new Piece(text.isBlank() ? null : text.strip(), html.isBlank() ? null : html, true));
        }
    }

    /** Text that is no body part of this mail (a forwarded mail's, a note): in the text only. */
    void addAside(String s) {
        if (!s.isBlank()) {
            pieces.add(new Piece(s.strip(), null, false));
        }
    }

    /** Says in the text what could not be read, so that whoever reads it knows something is missing. */
    void note(String note) {
        addAside("[" + note + "]");
    }

    /** The text of every piece, as paragraphs of their own. */
    String text() {
        StringBuilder b = new StringBuilder();
        for (Piece p : pieces) {
            String t = p.text() != null ? p.text() : HtmlText.toText(p.html());
            if (!t.isBlank()) {
                b.append(b.isEmpty() ? "" : "\n\n").append(t.strip());
            }
        }
        return b.toString();
    }

    /** The text of the body pieces that have no HTML reading, without notes and forwards. */
    String plainText() {
        StringBuilder b = new StringBuilder();
        for (Piece p : pieces) {
            if (p.text() != null) {
                b.append(b.isEmpty() ? "" : "\n\n").append(p.text());
            }
        }
        return b.toString();
    }

    /** The HTML of the body pieces, or null when none has any. */
    @Nullable String html() {
        if (pieces.stream().noneMatch(p -> p.html() != null)) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (Piece p : pieces) {
            if (p.html() != null) {
                b.append(p.html());
            } else if (p.body()) {
                b.append("<div>").append(Entities.escape(p.text()).replace("\n", "<br>")).append("</div>");
            }
        }
        return b.toString();
    }

    boolean hasText() {
        return pieces.stream().anyMatch(p -> p.text() != null);
    }

    /** A file, or a note of its name and size when it is over the limit and so came without its bytes. */
    void keep(String name, String type, PartContent file, @Nullable String contentId, boolean inline, long limit) {
        if (file.bytes() == null) {
            dropped.add(name + " (" + PartContent.size(file.size()) + ") was not kept: it is larger than the "
                    + PartContent.size(limit) + " limit");
        } else {
            attachments.add(new MailAttachment(name, type, file.bytes(), contentId, inline));
        }
    }

    /** The files of other parts (their text and HTML are for the caller to choose). */
    void addFiles(BodyParts other) {
        attachments.addAll(other.attachments);
        dropped.addAll(other.dropped);
    }
}
