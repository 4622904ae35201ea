package org.atende.channels.email.mime;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * HTML from mail made safe to show, and made into text. The safelist is jsoup's relaxed one, so no
 * scripts, styles, event handlers or {@code javascript:} links. Images show only from the mail itself
 * ({@code cid:}) or inline ({@code data:}): a remote image would tell the sender when and where the mail
 * was read, so its address moves to {@code data-remote-src}, for a viewer to load on request.
 */
final class HtmlText {

    private static final Safelist SAFE = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "cid", "data")
            .addAttributes("img", "data-remote-src")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    /** Where mail clients put the history they quote; everything from the first of these on goes. */
    private static final String HISTORY = "div.gmail_quote, div.gmail_extra, div#divRplyFwdMsg, div#x_divRplyFwdMsg, div#appendonsend,"
            + " div.OutlookMessageHeader, div.moz-cite-prefix, div.yahoo_quoted, div#mail-editor-reference-message-container";

    private HtmlText() {
    }

    static String sanitise(String html) {
        Document dirty = Jsoup.parse(html);
        for (Element img : dirty.select("img[src]")) {
            String src = img.attr("src").strip();
            String lower = src.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("//")) {
                img.attr("data-remote-src", src).removeAttr("src");
            }
        }
        Document clean = new Cleaner(SAFE).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** The text a reader sees: line breaks where blocks and {@code <br>} are, entities decoded. */
    static String toText(String html) {
        return toText(Jsoup.parse(html).body());
    }

    /**
     * The text of the HTML without the history a mail client quoted: everything from its history marker
     * (Gmail, Outlook, Thunderbird, Yahoo, a {@code <!-- originalMessage -->} comment) on, and a
     * {@code <blockquote>} when nothing but more quotes follows it (an answer written between quotes stays).
     */
    static String newText(String html) {
        Element body = Jsoup.parse(html).body();
        Node marker = firstMarker(body);
        if (marker != null) {
            removeFrom(marker, body);
        }
        List<Element> quotes = body.select("blockquote").stream()
                .filter(q -> q.parents().stream().noneMatch(p -> p.nameIs("blockquote"))).toList();
        for (Element quote : quotes.reversed()) {
            if (textFollows(quote, body)) {
                break;
            }
            removeFrom(quote, body);
        }
        return toText(body);
    }

    private static @Nullable Node firstMarker(Element body) {
        Node[] found = {null};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                boolean marker = node instanceof Comment c && c.getData().toLowerCase(Locale.ROOT).contains("originalmessage")
                        || node instanceof Element e && e != body && e.is(HISTORY);
                if (marker) {
                    found[0] = node;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        return found[0];
    }

    /** Removes a node and everything after it in document order. */
    private static void removeFrom(Node node, Element body) {
        for (Node n = node; n != null && n != body; n = n.parent()) {
            while (n.nextSibling() != null) {
                n.nextSibling().remove();
            }
        }
        node.remove();
    }

    /** Whether any text follows a node in document order, other quotes left out. */
    private static boolean textFollows(Node node, Element body) {
        for (Node n = node; n != null && n != body; n = n.parent()) {
            for (Node s = n.nextSibling(); s != null; s = s.nextSibling()) {
                boolean[] found = {false};
                NodeTraversor.filter((Node x, int depth) -> {
                    if (x instanceof Element e && e.nameIs("blockquote")) {
                        return NodeFilter.FilterResult.SKIP_ENTIRELY;
                    }
                    if (x instanceof TextNode t && !t.text().replace('\u00a0', ' ').isBlank()) {
                        found[0] = true;
                        return NodeFilter.FilterResult.STOP;
                    }
                    return NodeFilter.FilterResult.CONTINUE;
                }, s);
                if (found[0]) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String toText(Element root) {
        root.select("script, style, head, title").remove();
        root.select("p, h1, h2, h3, h4, h5, h6, pre, blockquote, table, ul, ol").after("\n\n"); // wholeText writes <br> as \n
        root.select("div, li, tr").after("\n");
        StringBuilder b = new StringBuilder();
        for (String line : root.wholeText().split("\n", -1)) {
            b.append(line.replace('\u00a0', ' ').stripTrailing()).append('\n');
        }
        return b.toString().replaceAll("\n{3,}", "\n\n").strip();
    }
}
