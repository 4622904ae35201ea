package org.atende.channels.email.mime;

import org.jspecify.annotations.Nullable;

/**
 * A file that came with a mail. {@code inline} is an image shown in the body; with a {@code contentId}
 * (without brackets) the HTML shows it as {@code <img src="cid:…">}.
 */
public record MailAttachment(String filename, String contentType, byte[] bytes, @Nullable String contentId, boolean inline) {

    @Override
    public String toString() {
        return "MailAttachment[" + filename + ", " + contentType + ", " + bytes.length + " bytes"
                + (contentId == null ? "" : ", cid " + contentId) + (inline ? ", inline" : "") + "]";
    }
}
