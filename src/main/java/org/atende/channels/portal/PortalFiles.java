package org.atende.channels.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartFile;

/** Files a customer chose in a form; the attachment rules themselves (size, declared type) are the desk's. */
final class PortalFiles {

    private PortalFiles() {
    }

    /** The files actually chosen (a form with an empty file field sends one empty part). */
    static List<MultipartFile> present(@Nullable List<MultipartFile> files) {
        return files == null ? List.of()
                : files.stream().filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())).toList();
    }

    static String name(MultipartFile file) {
        return file.getOriginalFilename() == null ? "attachment" : file.getOriginalFilename();
    }

    static String type(MultipartFile file) {
        return file.getContentType() == null ? "application/octet-stream" : file.getContentType();
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the desk refused what was sent, for the form. */
    static String reason(ErrorResponseException refused, MessageSource messages, Locale locale) {
        ProblemDetail body = refused.getBody();
        String detail = body.getDetail() == null ? "" : body.getDetail();
        return messages.getMessage("portal.refused", new Object[] {detail}, locale);
    }
}
