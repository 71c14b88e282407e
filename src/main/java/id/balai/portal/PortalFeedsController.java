package id.balai.portal;

import id.balai.platform.BalaiProperties;
import id.balai.platform.XmlDocuments;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What machines read of the sites: a news feed per site (RSS 2.0 and Atom), the events as an iCalendar
 * feed (RFC 5545) a phone's calendar can subscribe to, one {@code sitemap.xml} of every site and
 * {@code robots.txt} pointing to it.
 */
@Controller
class PortalFeedsController {

    private static final int FEED_SIZE = 30;
    private static final int SITEMAP_LIMIT = 50_000; // the sitemap protocol's limit per file
    private static final DateTimeFormatter ICAL_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Sites sites;
    private final SiteItems items;
    private final BalaiProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    PortalFeedsController(Sites sites, SiteItems items, BalaiProperties properties, MessageSource messages, Clock clock) {
        this.sites = sites;
        this.items = items;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping({"/rss.xml", PortalController.SITE + "/rss.xml"})
    void rss(@PathVariable(required = false) String siteKind, @PathVariable(required = false) String siteSlug, HttpServletResponse response)
            throws IOException {
        Site site = site(siteKind, siteSlug);
        List<SiteItem> news = items.visible(site.id(), ItemKind.NEWS, clock.instant(), null, 0, FEED_SIZE);
        response.setContentType("application/rss+xml;charset=UTF-8");
        XmlDocuments.write(response.getOutputStream(), w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeStartElement("channel");
            XmlDocuments.element(w, "title", text("portal.feed.news", site.name()));
            XmlDocuments.element(w, "link", url(site.home()));
            XmlDocuments.element(w, "description", site.tagline().isEmpty() ? site.name() : site.tagline());
            XmlDocuments.element(w, "language", LocaleContextHolder.getLocale().getLanguage());
            for (SiteItem i : news) {
                w.writeStartElement("item");
                XmlDocuments.element(w, "title", i.content().title());
                XmlDocuments.element(w, "link", url(i.path(site.base())));
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "true");
                w.writeCharacters(url(i.path(site.base())));
                w.writeEndElement();
                XmlDocuments.element(w, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(published(i).atZone(properties.timeZone())));
                if (!i.content().category().isEmpty()) XmlDocuments.element(w, "category", i.content().category());
                XmlDocuments.element(w, "description", description(i));
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    @GetMapping({"/atom.xml", PortalController.SITE + "/atom.xml"})
    void atom(@PathVariable(required = false) String siteKind, @PathVariable(required = false) String siteSlug, HttpServletResponse response)
            throws IOException {
        Site site = site(siteKind, siteSlug);
        List<SiteItem> news = items.visible(site.id(), ItemKind.NEWS, clock.instant(), null, 0, FEED_SIZE);
        response.setContentType("application/atom+xml;charset=UTF-8");
        XmlDocuments.write(response.getOutputStream(), w -> {
            w.writeStartElement("feed");
            w.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            XmlDocuments.element(w, "id", url(site.base() + "/atom.xml"));
            XmlDocuments.element(w, "title", text("portal.feed.news", site.name()));
            XmlDocuments.element(w, "updated", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    (news.isEmpty() ? Instant.EPOCH : news.stream().map(SiteItem::updatedAt).max(Instant::compareTo).orElseThrow()).atOffset(ZoneOffset.UTC)));
            w.writeEmptyElement("link");
            w.writeAttribute("rel", "self");
            w.writeAttribute("href", url(site.base() + "/atom.xml"));
            w.writeStartElement("author");
            XmlDocuments.element(w, "name", site.name());
            w.writeEndElement();
            for (SiteItem i : news) {
                w.writeStartElement("entry");
                XmlDocuments.element(w, "id", url(i.path(site.base())));
                XmlDocuments.element(w, "title", i.content().title());
                w.writeEmptyElement("link");
                w.writeAttribute("href", url(i.path(site.base())));
                XmlDocuments.element(w, "published", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(published(i).atOffset(ZoneOffset.UTC)));
                XmlDocuments.element(w, "updated", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.updatedAt().atOffset(ZoneOffset.UTC)));
                XmlDocuments.element(w, "summary", description(i));
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** The site's events (RFC 5545): lines folded at 75 octets, text escaped, times in UTC. */
    @GetMapping(value = {"/agenda.ics", PortalController.SITE + "/agenda.ics"})
    ResponseEntity<byte[]> calendar(@PathVariable(required = false) String siteKind, @PathVariable(required = false) String siteSlug) {
        Site site = site(siteKind, siteSlug);
        String host = java.net.URI.create(properties.publicBaseUrl()).getHost();
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Balai//Portal//ID");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:" + escape(text("portal.feed.events", site.name())));
        line(ics, "X-WR-TIMEZONE:" + properties.timeZone().getId());
        Instant now = clock.instant();
        for (SiteItem e : items.visible(site.id(), ItemKind.EVENT, now, null, 0, 500)) {
            if (e.content().startsAt() == null) continue;
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:item-" + e.id() + "@" + (host == null ? "balai" : host));
            line(ics, "DTSTAMP:" + ICAL_UTC.format(e.updatedAt()));
            line(ics, "DTSTART:" + ICAL_UTC.format(e.content().startsAt()));
            line(ics, "DTEND:" + ICAL_UTC.format(e.content().endsAt() != null ? e.content().endsAt() : e.content().startsAt().plusSeconds(3600)));
            line(ics, "SEQUENCE:" + e.version());
            line(ics, "SUMMARY:" + escape(e.content().title()));
            if (!e.content().place().isEmpty()) line(ics, "LOCATION:" + escape(e.content().place()));
            if (e.content().hasPoint()) line(ics, "GEO:" + e.content().lat() + ";" + e.content().lon());
            line(ics, "DESCRIPTION:" + escape(description(e)));
            line(ics, "URL:" + url(e.path(site.base())));
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .body(ics.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Every site's home and sections and every published item (the protocol's 50,000 addresses at most). */
    @GetMapping("/sitemap.xml")
    void sitemap(HttpServletResponse response) throws IOException {
        Instant now = clock.instant();
        Map<Long, Site> byId = sites.byIds();
        List<SiteItems.Address> all = items.allVisible(now, SITEMAP_LIMIT - byId.size() - 1);
        response.setContentType("application/xml;charset=UTF-8");
        XmlDocuments.write(response.getOutputStream(), w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
            location(w, url("/laporan"), null);
            for (Site s : sites.all()) location(w, url(s.home()), null);
            for (SiteItems.Address a : all) {
                Site s = byId.get(a.siteId());
                if (s != null) location(w, url(s.base() + "/" + a.kind().segment() + "/" + a.slug()), a.updatedAt());
            }
            w.writeEndElement();
        });
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain")
    ResponseEntity<String> robots() {
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body("User-agent: *\nDisallow: /staf\nDisallow: /admin\nSitemap: " + url("/sitemap.xml") + "\n");
    }

    private static void location(XMLStreamWriter w, String loc, Instant modified) throws XMLStreamException {
        w.writeStartElement("url");
        XmlDocuments.element(w, "loc", loc);
        if (modified != null) XmlDocuments.element(w, "lastmod", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(modified.atOffset(ZoneOffset.UTC).withNano(0)));
        w.writeEndElement();
    }

    private Site site(String siteKind, String siteSlug) {
        return (siteKind == null ? sites.city() : sites.find(SiteKind.ofSegment(siteKind), siteSlug)).orElseThrow(PortalController::notFound);
    }

    private static Instant published(SiteItem i) {
        return i.content().publishAt() != null ? i.content().publishAt() : i.updatedAt();
    }

    private static String description(SiteItem i) {
        return i.content().summary().isEmpty() ? Markdown.plainText(i.content().body(), 300) : i.content().summary();
    }

    private String url(String path) {
        return properties.publicBaseUrl().replaceAll("/+$", "") + path;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** RFC 5545 TEXT: backslash, semicolon, comma and newline escaped. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "");
    }

    /** One content line, folded so no physical line exceeds 75 octets (never inside a UTF-8 sequence). */
    static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int limit = 75;
        while (bytes.length - start > limit) {
            int end = start + limit;
            while ((bytes[end] & 0xC0) == 0x80) end--; // back to the start of a character
            out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = 74; // the leading space counts
        }
        out.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append("\r\n");
    }
}
