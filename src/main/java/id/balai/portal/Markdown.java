package id.balai.portal;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Editors write Markdown; the public gets HTML from it that cannot carry script. Two layers: HTML typed
 * into the Markdown is escaped (shown as text, never run); the result is then cleaned against an
 * allow-list (jsoup) that keeps only text formatting,
 * lists, tables, links (http, https, mailto, tel, or this site's own paths) and images from the site's own
 * library, and marks links to other sites {@code rel="nofollow noopener"}.
 */
final class Markdown {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();
    private static final Safelist SAFE = Safelist.relaxed()
            .removeTags("div", "span", "col", "colgroup")
            .addProtocols("a", "href", "tel")
            .preserveRelativeLinks(true);
    /** A made-up base so that paths like /situs-media/3 survive the cleaner as this site's own paths. */
    private static final String BASE = "https://balai.invalid";

    private Markdown() {}

    /** Safe HTML for the Markdown an editor typed. */
    static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) return "";
        String html = RENDERER.render(PARSER.parse(markdown));
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        Document clean = new Cleaner(SAFE).clean(dirty);
        clean.select("a[href]").forEach(a -> {
            String href = a.attr("href");
            if (href.startsWith(BASE)) a.attr("href", href.substring(BASE.length()));
            else if (href.startsWith("http") || href.startsWith("//")) a.attr("rel", "nofollow noopener");
        });
        clean.select("img").forEach(img -> {
            String src = img.attr("src");
            if (src.startsWith(BASE)) src = src.substring(BASE.length());
            // only this site's own images: the page's Content-Security-Policy would block others anyway
            if (!src.startsWith("/situs-media/")) {
                img.remove();
                return;
            }
            img.attr("src", src);
            img.attr("loading", "lazy");
        });
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** The first words of the Markdown as plain text, for descriptions (Open Graph, feeds). */
    static String plainText(String markdown, int max) {
        String text = Jsoup.parse(toSafeHtml(markdown)).text();
        return text.length() <= max ? text : text.substring(0, text.lastIndexOf(' ', max) > 0 ? text.lastIndexOf(' ', max) : max) + "…";
    }
}
