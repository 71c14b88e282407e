package id.balai.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Editors' Markdown becomes HTML that keeps formatting and loses anything that could run. */
class MarkdownTest {

    @Test
    void formattingListsTablesLinksAndOwnImagesSurvive() {
        String html = Markdown.toSafeHtml("## Jadwal\n\n**Senin** _pagi_\n\n- satu\n- dua\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                + "[situs](https://astinakota.go.id) [telepon](tel:0271555) ![peta](/situs-media/3)");
        assertThat(html).contains("<h2>Jadwal</h2>", "<strong>Senin</strong>", "<em>pagi</em>", "<li>satu</li>", "<table>", "<td>2</td>",
                "href=\"https://astinakota.go.id\" rel=\"nofollow noopener\"", "href=\"tel:0271555\"", "src=\"/situs-media/3\"", "loading=\"lazy\"");
    }

    @Test
    void scriptEventHandlersAndDangerousLinksAreGone() {
        String html = Markdown.toSafeHtml("<script>alert(1)</script> <img src=x onerror=alert(2)> [a](javascript:alert(3)) "
                + "[b](data:text/html;base64,PHNjcmlwdD4=) <svg onload=alert(4)> ![c](javascript:alert(5)) <style>body{}</style> "
                + "[d](vbscript:msgbox) <a href=\"JaVaScRiPt:alert(6)\">e</a>");
        assertThat(html).contains("&lt;script&gt;"); // shown as text, never run
        assertHarmless(html);
    }

    /** No element that runs or styles, no event handler, no link or source that is not http(s), mailto, tel or a path. */
    static void assertHarmless(String html) {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html);
        assertThat(doc.select("script:not([src]), script[src]:not([src^=/]), svg, style, iframe, object, embed, form, base")).isEmpty();
        for (org.jsoup.nodes.Element e : doc.getAllElements()) {
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                assertThat(a.getKey().toLowerCase()).as(e.toString()).doesNotStartWith("on");
                if (a.getKey().equals("href") || a.getKey().equals("src")) {
                    assertThat(a.getValue()).as(e.toString()).matches("(https?://|mailto:|tel:|/|#|\\?).*|");
                }
            }
        }
    }

    @Test
    void plainTextIsShortenedAtAWord() {
        assertThat(Markdown.plainText("**Kerja bakti** di RW 03 setiap Minggu pagi", 20)).isEqualTo("Kerja bakti di RW 03…");
        assertThat(Markdown.toSafeHtml("  ")).isEmpty();
    }
}
