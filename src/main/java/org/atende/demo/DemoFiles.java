package org.atende.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.atende.tickets.NewFile;

/** Files the demo's agents send: a one-page guide in PDF and a screenshot-like picture, made here. */
final class DemoFiles {

    private DemoFiles() {
    }

    static NewFile guide(String title, String... lines) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setNonStrokingColor(new Color(20, 60, 110));
                content.addRect(0, 770, 595, 72);
                content.fill();
                content.beginText();
                content.setNonStrokingColor(Color.WHITE);
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 24);
                content.newLineAtOffset(56, 796);
                content.showText(title);
                content.endText();
                content.beginText();
                content.setNonStrokingColor(Color.DARK_GRAY);
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 13);
                content.newLineAtOffset(56, 720);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -22);
                }
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return new NewFile(title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".pdf", "application/pdf",
                    out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NewFile screen(String name, String caption) {
        BufferedImage image = new BufferedImage(960, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(245, 247, 250));
        g.fillRect(0, 0, 960, 600);
        g.setColor(new Color(20, 60, 110));
        g.fillRect(0, 0, 960, 64);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
        g.drawString(caption, 32, 42);
        g.setColor(new Color(210, 220, 232));
        for (int row = 0; row < 8; row++) {
            g.fillRoundRect(32, 96 + row * 58, 896, 40, 10, 10);
        }
        g.setColor(new Color(200, 40, 40));
        g.fillRoundRect(700, 96 + 2 * 58, 228, 40, 10, 10);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return new NewFile(name, "image/png", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
