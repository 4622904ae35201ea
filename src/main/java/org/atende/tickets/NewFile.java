package org.atende.tickets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** A file sent with a message, before the desk has checked and kept it. */
public record NewFile(String filename, String contentType, byte[] content) {

    /** The files chosen in a form or a multipart request (an empty file field sends one empty part: no file). */
    public static List<NewFile> of(@Nullable List<MultipartFile> parts) {
        if (parts == null) {
            return List.of();
        }
        return parts.stream()
                .filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()))
                .map(NewFile::of).toList();
    }

    private static NewFile of(MultipartFile part) {
        try {
            return new NewFile(part.getOriginalFilename() == null ? "attachment" : part.getOriginalFilename(),
                    part.getContentType() == null ? "application/octet-stream" : part.getContentType(), part.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
