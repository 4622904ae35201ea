package org.atende.knowledge;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Markdown to HTML that is safe to show anyone: raw HTML in the Markdown is escaped, unsafe link
 * schemes ({@code javascript:}) are dropped by the renderer, and jsoup's relaxed safelist cleans the
 * result once more, so no script, event handler or style reaches a page.
 */
final class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist SAFE = Safelist.relaxed().preserveRelativeLinks(true);
    private static final String BASE = "https://atende.invalid/";

    private MarkdownRenderer() {
    }

    static String html(String markdown) {
        String raw = RENDERER.render(PARSER.parse(markdown));
        return Jsoup.clean(raw, BASE, SAFE, new Document.OutputSettings().prettyPrint(false));
    }

    /** The article's text without markup, for excerpts. */
    static String text(String markdown) {
        return Jsoup.parse(html(markdown)).text();
    }

    /** The first {@code max} characters of the text, cut at a word. */
    static String excerpt(String text, int max) {
        String plain = text.strip().replaceAll("\\s+", " ");
        if (plain.length() <= max) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', max - 1);
        return plain.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }
}
