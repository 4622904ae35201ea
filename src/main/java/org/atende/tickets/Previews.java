package org.atende.tickets;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * Previews of attached images and PDFs. Nothing a user sent is ever shown as it came: an image is decoded and
 * drawn again by the desk (PNG, or JPEG for photos), a PDF's first page is rendered to an image; the bytes must
 * be what the stored type says (checked again here), so an SVG, an HTML page or a script named {@code .png} gets
 * no preview and stays a download. The one exception is the PDF itself, opened in the browser's viewer, which
 * is served as {@code application/pdf} only when its bytes start as a PDF. Every answer carries {@code nosniff}
 * and a Content-Security-Policy without scripts.
 */
@Service
public class Previews {

    /** Thumbnails in the conversation; the larger view opened from them. */
    public static final int THUMBNAIL = 320;
    public static final int VIEW = 1600;

    private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif");
    private static final long MAX_PIXELS = 60_000_000L; // a decompression bomb is refused before it is decoded
    private static final float MAX_PAGE_POINTS = 14_400f; // PDF's own limit of a page side (200 inches)
    private static final String IMAGE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
    private static final String PDF_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
            + "object-src 'self'; frame-ancestors 'self'";

    /** A picture ready to send, and its type. */
    public record Picture(byte[] bytes, String contentType) {
    }

    /** The thumbnails drawn lately (a conversation shows the same ones on every refresh), at most 64, least recent out. */
    private final Map<String, Optional<Picture>> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Picture>> eldest) {
            return size() > 64;
        }
    };

    /** Whether a file is shown as a picture (an image or a PDF the desk takes), judged by its stored type. */
    public boolean previewable(AttachmentView file) {
        String type = base(file.contentType());
        return IMAGES.contains(type) || type.equals("image/webp") || type.equals("application/pdf");
    }

    public boolean isPdf(AttachmentView file) {
        return base(file.contentType()).equals("application/pdf");
    }

    /** The picture of a file, at most {@code side} pixels on its longer side; empty when it cannot be drawn. */
    public Optional<Picture> picture(AttachmentContent file, int side) {
        if (side > THUMBNAIL) {
            return draw(file, side); // larger views are opened one at a time: not kept, so the memory held stays small
        }
        String key = file.attachment().sha256() + ":" + side;
        synchronized (recent) {
            Optional<Picture> known = recent.get(key);
            if (known != null) {
                return known;
            }
        }
        Optional<Picture> drawn = draw(file, side);
        synchronized (recent) {
            recent.put(key, drawn);
        }
        return drawn;
    }

    /** The answer for a picture: inline, never sniffed, no script, cached by the browser a while. */
    public static ResponseEntity<byte[]> response(Picture picture, String filename) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(picture.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", IMAGE_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=600")
                .body(picture.bytes());
    }

    /** A PDF opened in the browser's own viewer; anything that is not a PDF by its bytes is a 404. */
    public static ResponseEntity<byte[]> pdf(AttachmentContent file) {
        if (!base(file.attachment().contentType()).equals("application/pdf") || !startsWith(file.content(), "%PDF-")) {
            throw TicketProblems.notFound("preview of attachment " + file.attachment().id());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.attachment().filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", PDF_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }

    private Optional<Picture> draw(AttachmentContent file, int side) {
        String type = base(file.attachment().contentType());
        byte[] bytes = file.content();
        try {
            if (IMAGES.contains(type)) {
                return image(bytes, type, side);
            }
            if (type.equals("image/webp") && bytes.length >= 12 && startsWith(bytes, "RIFF") && bytes[8] == 'W'
                    && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
                return Optional.of(new Picture(bytes, "image/webp")); // no decoder here: the browser draws it, as an image only
            }
            if (type.equals("application/pdf") && startsWith(bytes, "%PDF-")) {
                return firstPage(bytes, side);
            }
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return Optional.empty(); // damaged or hostile: the file stays a download
        }
        return Optional.empty();
    }

    private static Optional<Picture> image(byte[] bytes, String type, int side) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!type.endsWith(format.equals("jpg") ? "jpeg" : format)) {
                    return Optional.empty(); // the bytes are another format than the one stored
                }
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (side * 2)); // decode no more than twice what is shown
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                boolean photo = type.equals("image/jpeg");
                return Optional.of(encode(scaled(decoded, side, photo), photo));
            } finally {
                reader.dispose();
            }
        }
    }

    private static Optional<Picture> firstPage(byte[] bytes, int side) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.getNumberOfPages() == 0) {
                return Optional.empty();
            }
            PDRectangle box = document.getPage(0).getCropBox();
            float longest = Math.max(box.getWidth(), box.getHeight());
            if (longest <= 0 || longest > MAX_PAGE_POINTS) {
                return Optional.empty();
            }
            BufferedImage page = new PDFRenderer(document).renderImage(0, side / longest, ImageType.RGB);
            return Optional.of(encode(page, false));
        }
    }

    private static BufferedImage scaled(BufferedImage source, int side, boolean opaque) {
        double factor = Math.min(1.0, (double) side / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage out = new BufferedImage(width, height, opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static Picture encode(BufferedImage image, boolean photo) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, photo ? "jpeg" : "png", out)) {
            throw new IOException("no encoder");
        }
        return new Picture(out.toByteArray(), photo ? "image/jpeg" : "image/png");
    }

    private static String base(String contentType) {
        return contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] bytes, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < m.length) {
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (bytes[i] != m[i]) {
                return false;
            }
        }
        return true;
    }
}
