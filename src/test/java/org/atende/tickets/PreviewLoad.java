package org.atende.tickets;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * How long the desk takes to draw a preview it has not drawn before: a phone photo (4032×3024 JPEG), a large
 * screenshot (2560×1600 PNG), a 30-page PDF's first page, and the refusal of an image that claims 100,000×100,000
 * pixels. Each file is drawn {@code -Druns} times (default 40) with a fresh content hash, so the thumbnail cache
 * never answers; the first runs are a warm-up. Prints the median and p90 per file, in milliseconds.
 * Run: {@code ./atende mvn -Ppreview-load test-compile exec:exec}.
 */
public final class PreviewLoad {

    private PreviewLoad() {
    }

    public static void main(String[] args) throws IOException {
        int runs = Integer.getInteger("runs", 40);
        Previews previews = new Previews();
        List<Object[]> files = List.of(
                new Object[] {"photo 4032x3024 JPEG", "image/jpeg", photo(4032, 3024, "jpeg")},
                new Object[] {"screenshot 2560x1600 PNG", "image/png", photo(2560, 1600, "png")},
                new Object[] {"PDF, 30 pages (first page)", "application/pdf", pdf(30)},
                new Object[] {"PNG claiming 100000x100000 (refused)", "image/png", bomb()});
        System.out.printf("%-40s %10s %10s %10s %8s%n", "file", "bytes", "median ms", "p90 ms", "drawn");
        for (Object[] f : files) {
            byte[] bytes = (byte[]) f[2];
            List<Double> times = new ArrayList<>();
            boolean drawn = false;
            for (int i = 0; i < runs + 5; i++) {
                AttachmentView view = new AttachmentView(i, new TicketId(1), null, "file", (String) f[1], bytes.length,
                        "sha-" + i + "-" + System.nanoTime(), Instant.now());
                long start = System.nanoTime();
                drawn = previews.picture(new AttachmentContent(view, bytes), Previews.THUMBNAIL).isPresent();
                if (i >= 5) {
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }
            double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%-40s %10d %10.1f %10.1f %8s%n", f[0], bytes.length, sorted[sorted.length / 2],
                    sorted[(int) Math.floor(sorted.length * 0.9)], drawn);
        }
    }

    private static byte[] photo(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 80, 140), width, height, new Color(230, 190, 90)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(7);
        for (int i = 0; i < 4000; i++) { // detail, so the encoders have work like a real picture's
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(width), random.nextInt(height), 8 + random.nextInt(60), 8 + random.nextInt(60));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static byte[] pdf(int pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                    content.newLineAtOffset(50, 800);
                    for (int line = 0; line < 60; line++) {
                        content.showText("Fatura 2026/" + (1000 + p) + " linha " + line + " — artigo, quantidade, preço, IVA, total");
                        content.newLineAtOffset(0, -12);
                    }
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A PNG whose header claims 100,000 × 100,000 pixels over a few bytes of data. */
    private static byte[] bomb() throws IOException {
        byte[] small = photo(16, 16, "png");
        byte[] bytes = Arrays.copyOf(small, small.length);
        writeInt(bytes, 16, 100_000);
        writeInt(bytes, 20, 100_000);
        return bytes;
    }

    private static void writeInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }
}
