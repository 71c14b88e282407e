package id.balai.open311;

import static id.balai.platform.CsvCells.cell;

import id.balai.organisation.Region;
import id.balai.organisation.Regions;
import id.balai.platform.BalaiProperties;
import id.balai.reports.PublicReportQuery;
import id.balai.reports.PublicReportQuery.Criteria;
import id.balai.reports.PublicReportQuery.PublicReport;
import id.balai.reports.ReportCatalogue;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import id.balai.platform.XmlDocuments;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public reports for anybody's tools: RSS and Atom feeds of the reports changed most recently, and
 * GeoJSON and CSV exports of every public report, streamed row by row (a million rows never sit in
 * memory). All take {@code kategori} and {@code kelurahan}; exports also {@code dari} and {@code sampai}
 * (dates, inclusive). Only published reports, nothing about reporters.
 */
@Controller
class ReportFeedsController {

    static final int FEED_SIZE = 50;
    /**
     * An export holds a database connection while the client downloads it: two at a time leave the pool to
     * everybody else, whatever a slow or hostile client does (the others get 503 with Retry-After).
     */
    static final int PARALLEL_EXPORTS = 2;
    final java.util.concurrent.Semaphore exports = new java.util.concurrent.Semaphore(PARALLEL_EXPORTS);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PublicReportQuery query;
    private final ReportCatalogue catalogue;
    private final Regions regions;
    private final BalaiProperties properties;
    private final MessageSource messages;

    ReportFeedsController(PublicReportQuery query, ReportCatalogue catalogue, Regions regions, BalaiProperties properties, MessageSource messages) {
        this.query = query;
        this.catalogue = catalogue;
        this.regions = regions;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/laporan/feed.rss")
    void rss(@RequestParam(name = "kategori", required = false) String category, @RequestParam(name = "kelurahan", required = false) String kelurahan,
            HttpServletResponse response) throws IOException {
        Criteria criteria = criteria(category, kelurahan, null, null, response);
        if (criteria == null) return;
        List<PublicReport> reports = query.recentlyUpdated(criteria, FEED_SIZE);
        Map<String, String> names = kelurahanNames();
        response.setContentType("application/rss+xml;charset=UTF-8");
        XmlDocuments.write(response.getOutputStream(), w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeStartElement("channel");
            XmlDocuments.element(w, "title", title(category, kelurahan));
            XmlDocuments.element(w, "link", properties.publicBaseUrl() + "/laporan");
            XmlDocuments.element(w, "description", text("feed.description"));
            XmlDocuments.element(w, "language", LocaleContextHolder.getLocale().getLanguage());
            for (PublicReport r : reports) {
                w.writeStartElement("item");
                XmlDocuments.element(w, "title", itemTitle(r, names));
                XmlDocuments.element(w, "link", link(r));
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "true");
                w.writeCharacters(link(r));
                w.writeEndElement();
                XmlDocuments.element(w, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(r.updatedAt().atZone(properties.timeZone())));
                XmlDocuments.element(w, "category", r.categoryCode());
                XmlDocuments.element(w, "description", r.text());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    @GetMapping("/laporan/feed.atom")
    void atom(@RequestParam(name = "kategori", required = false) String category, @RequestParam(name = "kelurahan", required = false) String kelurahan,
            HttpServletResponse response) throws IOException {
        Criteria criteria = criteria(category, kelurahan, null, null, response);
        if (criteria == null) return;
        List<PublicReport> reports = query.recentlyUpdated(criteria, FEED_SIZE);
        Map<String, String> names = kelurahanNames();
        response.setContentType("application/atom+xml;charset=UTF-8");
        String self = properties.publicBaseUrl() + "/laporan/feed.atom";
        XmlDocuments.write(response.getOutputStream(), w -> {
            w.writeStartElement("feed");
            w.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            XmlDocuments.element(w, "id", self + (category == null ? "" : "?kategori=" + category) + (kelurahan == null ? "" : (category == null ? "?" : "&") + "kelurahan=" + kelurahan));
            XmlDocuments.element(w, "title", title(category, kelurahan));
            XmlDocuments.element(w, "updated", Open311Params.datetime(reports.isEmpty() ? Instant.EPOCH : reports.get(0).updatedAt(), properties.timeZone()));
            for (PublicReport r : reports) {
                w.writeStartElement("entry");
                XmlDocuments.element(w, "id", link(r));
                XmlDocuments.element(w, "title", itemTitle(r, names));
                w.writeEmptyElement("link");
                w.writeAttribute("href", link(r));
                XmlDocuments.element(w, "published", Open311Params.datetime(r.submittedAt(), properties.timeZone()));
                XmlDocuments.element(w, "updated", Open311Params.datetime(r.updatedAt(), properties.timeZone()));
                w.writeStartElement("author");
                XmlDocuments.element(w, "name", text("feed.author"));
                w.writeEndElement();
                XmlDocuments.element(w, "summary", r.text());
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    @GetMapping("/laporan/ekspor.csv")
    void csv(@RequestParam(name = "kategori", required = false) String category, @RequestParam(name = "kelurahan", required = false) String kelurahan,
            @RequestParam(name = "dari", required = false) String from, @RequestParam(name = "sampai", required = false) String to,
            HttpServletResponse response) throws IOException {
        export(criteria(category, kelurahan, from, to, response), response, this::writeCsv);
    }

    private void writeCsv(Criteria criteria, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"laporan-publik.csv\"");
        Map<String, String> names = kelurahanNames();
        try (Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8))) {
            out.write("kode,status,kategori,kelurahan_kode,kelurahan,dilaporkan,diperbarui,tenggat,lat,lon,alamat,dukungan,uraian\r\n");
            query.each(criteria, r -> {
                try {
                    out.write(String.join(",", cell(r.trackingCode()), cell(r.status().name()), cell(r.categoryCode()), cell(r.kelurahanCode()),
                            cell(names.get(r.kelurahanCode())), cell(Open311Params.datetime(r.submittedAt(), properties.timeZone())),
                            cell(Open311Params.datetime(r.updatedAt(), properties.timeZone())), cell(Open311Params.datetime(r.dueAt(), properties.timeZone())),
                            String.valueOf(r.lat()), String.valueOf(r.lon()), cell(r.address()), String.valueOf(r.supporters()), cell(r.text())));
                    out.write("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @GetMapping("/laporan/ekspor.geojson")
    void geojson(@RequestParam(name = "kategori", required = false) String category, @RequestParam(name = "kelurahan", required = false) String kelurahan,
            @RequestParam(name = "dari", required = false) String from, @RequestParam(name = "sampai", required = false) String to,
            HttpServletResponse response) throws IOException {
        export(criteria(category, kelurahan, from, to, response), response, this::writeGeoJson);
    }

    private interface Export {
        void write(Criteria criteria, HttpServletResponse response) throws IOException;
    }

    /** Runs an export in one of the two slots; answers 503 with Retry-After when both are taken. Nothing when criteria were refused. */
    private void export(Criteria criteria, HttpServletResponse response, Export export) throws IOException {
        if (criteria == null) return;
        if (!exports.tryAcquire()) {
            response.setStatus(503);
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(text("feed.error.busy"));
            return;
        }
        try {
            export.write(criteria, response);
        } finally {
            exports.release();
        }
    }

    private void writeGeoJson(Criteria criteria, HttpServletResponse response) throws IOException {
        response.setContentType("application/geo+json");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"laporan-publik.geojson\"");
        try (JsonGenerator json = JSON.createGenerator(response.getOutputStream())) {
            json.writeStartObject();
            json.writeStringProperty("type", "FeatureCollection");
            json.writeArrayPropertyStart("features");
            query.each(criteria, r -> {
                json.writeStartObject();
                json.writeStringProperty("type", "Feature");
                json.writeObjectPropertyStart("geometry");
                json.writeStringProperty("type", "Point");
                json.writeArrayPropertyStart("coordinates");
                json.writeNumber(r.lon());
                json.writeNumber(r.lat());
                json.writeEndArray();
                json.writeEndObject();
                json.writeObjectPropertyStart("properties");
                json.writeStringProperty("kode", r.trackingCode());
                json.writeStringProperty("status", r.status().name());
                json.writeStringProperty("kategori", r.categoryCode());
                json.writeStringProperty("kelurahan_kode", r.kelurahanCode());
                json.writeStringProperty("dilaporkan", Open311Params.datetime(r.submittedAt(), properties.timeZone()));
                json.writeStringProperty("diperbarui", Open311Params.datetime(r.updatedAt(), properties.timeZone()));
                json.writeNumberProperty("dukungan", r.supporters());
                json.writeStringProperty("uraian", r.text());
                json.writeStringProperty("url", link(r));
                json.writeEndObject();
                json.writeEndObject();
            });
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** The criteria, or null after answering 400 with the reason (an unknown category or kelurahan, or a bad date). */
    private Criteria criteria(String category, String kelurahan, String from, String to, HttpServletResponse response) throws IOException {
        String c = Open311Params.blank(category) ? null : category.strip();
        String k = Open311Params.blank(kelurahan) ? null : kelurahan.strip();
        if (c != null && catalogue.service(c).isEmpty()) return refuse(response, "feed.error.category", c);
        if (k != null && regions.kelurahans().stream().noneMatch(r -> r.code().equals(k))) return refuse(response, "feed.error.kelurahan", k);
        Instant start = null, end = null;
        try {
            if (!Open311Params.blank(from)) start = LocalDate.parse(from.strip()).atStartOfDay(properties.timeZone()).toInstant();
            if (!Open311Params.blank(to)) end = LocalDate.parse(to.strip()).plusDays(1).atStartOfDay(properties.timeZone()).toInstant();
        } catch (DateTimeParseException e) {
            return refuse(response, "feed.error.date", Open311Params.blank(from) ? to : from);
        }
        return Criteria.of(c, k, start, end);
    }

    private Criteria refuse(HttpServletResponse response, String key, String value) throws IOException {
        response.setStatus(400);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(messages.getMessage(key, new Object[] {value}, LocaleContextHolder.getLocale()));
        return null;
    }

    private String title(String category, String kelurahan) {
        StringBuilder t = new StringBuilder(text("feed.title"));
        if (category != null) catalogue.service(category).ifPresent(s -> t.append(" — ").append(s.name(LocaleContextHolder.getLocale())));
        if (kelurahan != null) t.append(" — ").append(kelurahanNames().getOrDefault(kelurahan, kelurahan));
        return t.toString();
    }

    private String itemTitle(PublicReport r, Map<String, String> kelurahanNames) {
        Locale locale = LocaleContextHolder.getLocale();
        String category = "en".equals(locale.getLanguage()) ? r.categoryNameEn() : r.categoryNameId();
        return r.trackingCode() + " · " + category + " · " + kelurahanNames.getOrDefault(r.kelurahanCode(), r.kelurahanCode())
                + " · " + text("status." + r.status().name());
    }

    private String link(PublicReport r) {
        return properties.publicBaseUrl() + "/laporan/" + r.trackingCode();
    }

    private Map<String, String> kelurahanNames() {
        return regions.kelurahans().stream().collect(Collectors.toMap(Region::code, Region::name, (a, b) -> a));
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }


}
