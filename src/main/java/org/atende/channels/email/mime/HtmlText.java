package org.atende.channels.email.mime;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * HTML from mail made safe to show, and made into text. The safelist is jsoup's relaxed one without
 * remote images (they track readers): an image shows only from the mail itself ({@code cid:}) or inline
 * ({@code data:}); links keep http, https and mailto and open with {@code rel="nofollow noopener"}.
 */
final class HtmlText {

    private static final Safelist SAFE = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "cid", "data")
            .addAttributes("a", "rel")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private HtmlText() {
    }

    static String sanitise(String html) {
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", SAFE, out);
    }

    /** The text a reader sees: line breaks where blocks and {@code <br>} are, entities decoded. */
    static String toText(String html) {
        Document doc = Jsoup.parse(html);
        return toText(doc.body());
    }

    /** The text of the HTML without the quoted history mail clients wrap in their own markup. */
    static String newText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("div.gmail_quote, blockquote, div#divRplyFwdMsg, div#appendonsend, div.OutlookMessageHeader, "
                + "div.moz-cite-prefix, div.yahoo_quoted").remove();
        return toText(doc.body());
    }

    private static String toText(Element root) {
        root.select("script, style, head").remove();
        // wholeText() already writes <br> as a line break; blocks need one after them
        root.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, pre, blockquote").after("\n");
        StringBuilder b = new StringBuilder();
        for (String line : root.wholeText().split("\n", -1)) {
            b.append(line.replace('\u00a0', ' ').stripTrailing()).append('\n');
        }
        return b.toString().replaceAll("\n{3,}", "\n\n").strip();
    }
}
