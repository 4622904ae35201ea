package org.atende.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererUnitTests {

    @Test
    void neverLetsAScriptOrAJavascriptLinkThrough() {
        String html = MarkdownRenderer.html("""
                # Title
                <script>alert('x')</script>

                [click](javascript:alert(1)) and <a href="javascript:alert(2)" onclick="steal()">raw</a>
                <img src=x onerror=alert(3)>

                ![pic](javascript:alert(4))
                """);

        var page = org.jsoup.Jsoup.parseBodyFragment(html);
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("[href~=(?i)javascript], [src~=(?i)javascript]")).isEmpty();
        assertThat(page.select("[onclick], [onerror]")).isEmpty();
        assertThat(page.select("a")).extracting(a -> a.attr("href")).allMatch(String::isEmpty);
        assertThat(html).contains("<h1>Title</h1>", "&lt;script&gt;");
    }

    @Test
    void keepsOrdinaryMarkdownLinksTablesAndCode() {
        String html = MarkdownRenderer.html("""
                See [our terms](https://atende.example/terms) or [another article](/help/en/cannot-sign-in).

                | a | b |
                |---|---|
                | 1 | 2 |

                Press `Ctrl + S`.
                """);

        assertThat(html).contains("<a href=\"https://atende.example/terms\">our terms</a>",
                "<a href=\"/help/en/cannot-sign-in\">another article</a>", "<table>", "<td>1</td>", "<code>Ctrl + S</code>");
    }

    @Test
    void cutsExcerptsAtAWord() {
        assertThat(MarkdownRenderer.excerpt("one two three four", 10)).isEqualTo("one two…");
        assertThat(MarkdownRenderer.excerpt("short", 10)).isEqualTo("short");
    }
}
