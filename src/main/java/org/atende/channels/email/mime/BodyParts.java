package org.atende.channels.email.mime;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Text, HTML and files gathered from some parts of a mail, in the order they came. */
final class BodyParts {

    final StringBuilder text = new StringBuilder();
    final StringBuilder html = new StringBuilder();
    final List<MailAttachment> attachments = new ArrayList<>();
    final List<String> dropped = new ArrayList<>();

    /** Adds a text as a paragraph of its own. */
    void addText(String s) {
        if (s.isBlank()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
        text.append(s.strip());
    }

    /** Says in the text what could not be read, so that whoever reads it knows something is missing. */
    void note(String note) {
        addText("[" + note + "]");
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

    /** The HTML and the files of other parts (their text is for the caller to choose). */
    void addAllButText(BodyParts other) {
        html.append(other.html);
        attachments.addAll(other.attachments);
        dropped.addAll(other.dropped);
    }
}
