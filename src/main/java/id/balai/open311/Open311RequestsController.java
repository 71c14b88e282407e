package id.balai.open311;

import static id.balai.open311.Open311Controller.BASE;
import static id.balai.open311.Open311Params.blank;
import static id.balai.open311.Open311Params.decimal;
import static id.balai.open311.Open311Params.list;
import static id.balai.open311.Open311Params.time;

import id.balai.open311.Open311Document.Fields;
import id.balai.open311.Open311Document.Items;
import id.balai.open311.Open311Params.Window;
import id.balai.organisation.Agency;
import id.balai.organisation.Regions;
import id.balai.platform.BalaiProperties;
import id.balai.reports.PublicReportQuery;
import id.balai.reports.PublicReportQuery.Criteria;
import id.balai.reports.PublicReportQuery.PublicReport;
import id.balai.reports.ReportStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET requests in GeoReport v2: the list with the spec's filters and defaults (the last 90 days, at
 * most 1000) and one request by its id (Balai's tracking code). Only published reports, and nothing
 * about who reported them.
 */
@RestController
class Open311RequestsController {

    static final int MAX_RESULTS = 1000;
    static final double DEFAULT_RADIUS = 500;
    static final double MAX_RADIUS = 50_000;

    private final PublicReportQuery query;
    private final Regions regions;
    private final BalaiProperties properties;
    private final Clock clock;
    private final MessageSource messages;

    Open311RequestsController(PublicReportQuery query, Regions regions, BalaiProperties properties, Clock clock, MessageSource messages) {
        this.query = query;
        this.regions = regions;
        this.properties = properties;
        this.clock = clock;
        this.messages = messages;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    @GetMapping(BASE + "/requests.{format}")
    ResponseEntity<byte[]> requests(@PathVariable String format,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String codes,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "page_size", required = false) String pageSize,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "offset", required = false) String offset,
            @RequestParam(name = "updated_after", required = false) String updatedAfter,
            @RequestParam(name = "updated_before", required = false) String updatedBefore,
            @RequestParam(name = "detailed_status", required = false) String detailedStatus,
            @RequestParam(name = "agency_responsible", required = false) String agencies,
            @RequestParam(name = "lat", required = false) String lat,
            @RequestParam(name = "long", required = false) String lon,
            @RequestParam(name = "radius", required = false) String radius,
            @RequestParam(name = "bbox", required = false) String bbox,
            @RequestParam(name = "keyword", required = false) String keyword,
            @RequestParam(name = "extensions", required = false) String extensions) {
        Open311Format f = Open311Format.of(format);
        Instant updatedFrom = blank(updatedAfter) ? null : time(f, "updated_after", updatedAfter);
        Instant updatedTo = blank(updatedBefore) ? null : time(f, "updated_before", updatedBefore);
        // Polling by updated_after/updated_before asks for changes, also to older reports: no default window then.
        boolean polling = (updatedFrom != null || updatedTo != null) && blank(start) && blank(end);
        Window window = polling ? new Window(null, null) : Window.of(f, start, end, clock.instant());
        Set<ReportStatus> statuses = statuses(f, status);
        Set<ReportStatus> detailed = detailedStatuses(f, detailedStatus);
        if (!detailed.isEmpty()) {
            if (statuses.isEmpty()) statuses = detailed;
            else statuses.retainAll(detailed);
            if (statuses.isEmpty()) return f.answer(new Items("service_requests", "request", List.of()));
        }
        Set<Long> agencyIds = new java.util.HashSet<>();
        for (String a : list(agencies)) {
            regions.agencies().stream().filter(x -> x.code().equalsIgnoreCase(a) || x.shortName().equalsIgnoreCase(a) || x.name().equalsIgnoreCase(a))
                    .forEach(x -> agencyIds.add(x.id()));
        }
        if (!list(agencies).isEmpty() && agencyIds.isEmpty()) return f.answer(new Items("service_requests", "request", List.of()));
        PublicReportQuery.Near near = near(f, lat, lon, radius);

        int size = Math.min(MAX_RESULTS, number(f, "page_size", pageSize, MAX_RESULTS, 1));
        int skip;
        try {
            skip = Math.multiplyExact(number(f, "page", page, 1, 1) - 1, size);
        } catch (ArithmeticException e) {
            throw new Open311Exception(f, 400, "open311.error.number.invalid", "page", page, 1);
        }
        if (!blank(limit) || !blank(offset)) {
            size = Math.min(MAX_RESULTS, number(f, "limit", limit, MAX_RESULTS, 1));
            skip = number(f, "offset", offset, 0, 0);
        }
        Criteria criteria = new Criteria(list(ids), list(codes), window.from(), window.before(), statuses, updatedFrom, updatedTo,
                agencyIds, near, box(f, bbox), blank(keyword) ? null : keyword, Set.of());
        return f.answer(new Items("service_requests", "request", requests(query.find(criteria, skip, size), "true".equalsIgnoreCase(extensions))));
    }

    /** The requests; with {@code extensions=true} also their extended attributes and public history (two queries for the page). */
    private List<Fields> requests(List<PublicReport> reports, boolean extended) {
        List<Fields> items = new ArrayList<>();
        List<String> codes = reports.stream().map(PublicReport::trackingCode).toList();
        Map<String, List<PublicReportQuery.PublicNote>> notes = extended ? query.publicNotes(codes) : Map.of();
        Map<String, List<String>> photos = extended ? query.publicPhotoKeys(codes) : Map.of();
        for (PublicReport r : reports) {
            Fields item = request(r);
            if (extended) {
                List<String> media = photos.getOrDefault(r.trackingCode(), List.of()).stream().map(this::mediaUrl).toList();
                item.put("extended_attributes", Fields.of("extended_attributes")
                        .put("channel", r.channel())
                        .put("detailed_status", Open311Statuses.detailed(r.status()))
                        .put("title", r.categoryNameId())
                        .put("kelurahan_code", r.kelurahanCode())
                        .put("votes", r.supporters())
                        .put("media_urls", new Items("media_urls", "media_url", media)));
                List<Fields> history = notes.getOrDefault(r.trackingCode(), List.of()).stream().map(n -> Fields.of("note")
                        .put("datetime", format(n.at()))
                        .put("description", n.note() != null ? n.note() : n.toStatus() == null ? "" : text("status." + n.toStatus().name()))
                        .put("type", n.toStatus() != null ? "status_change" : "note")).toList();
                item.put("notes", new Items("notes", "note", history));
            }
            items.add(item);
        }
        return items;
    }

    @GetMapping(BASE + "/requests/{id}.{format}")
    ResponseEntity<byte[]> request(@PathVariable String id, @PathVariable String format,
            @RequestParam(name = "extensions", required = false) String extensions) {
        Open311Format f = Open311Format.of(format);
        PublicReport found = query.published(Open311Params.trackingCode(id))
                .orElseThrow(() -> new Open311Exception(f, 404, "open311.error.request.unknown", id));
        return f.answer(new Items("service_requests", "request", requests(List.of(found), "true".equalsIgnoreCase(extensions))));
    }

    private Fields request(PublicReport r) {
        Locale locale = LocaleContextHolder.getLocale();
        String agency = r.agencyId() == null ? null : regions.agency(r.agencyId()).map(Agency::name).orElse(null);
        return Fields.of("request")
                .put("service_request_id", r.trackingCode())
                .put("status", Open311Statuses.v2(r.status()))
                .put("status_notes", r.statusNote())
                .put("service_name", "en".equals(locale.getLanguage()) ? r.categoryNameEn() : r.categoryNameId())
                .put("service_code", r.categoryCode())
                .put("description", r.text())
                .put("agency_responsible", agency)
                .put("service_notice", null)
                .put("requested_datetime", format(r.submittedAt()))
                .put("updated_datetime", format(r.updatedAt()))
                .put("expected_datetime", format(r.dueAt()))
                .put("address", r.address())
                .put("address_id", null)
                .put("zipcode", null)
                .put("lat", r.lat())
                .put("long", r.lon())
                .put("media_url", r.photoKey() == null ? null : mediaUrl(r.photoKey()));
    }

    private String mediaUrl(String storageKey) {
        return properties.publicBaseUrl() + "/media/" + storageKey;
    }

    private static Set<ReportStatus> detailedStatuses(Open311Format f, String value) {
        Set<ReportStatus> statuses = EnumSet.noneOf(ReportStatus.class);
        for (String s : list(value)) {
            String wanted = s.toUpperCase(Locale.ROOT);
            EnumSet<ReportStatus> matching = EnumSet.noneOf(ReportStatus.class);
            for (ReportStatus st : ReportStatus.values()) if (Open311Statuses.detailed(st).equals(wanted)) matching.add(st);
            if (matching.isEmpty()) throw new Open311Exception(f, 400, "open311.error.detailed-status.invalid", s);
            statuses.addAll(matching);
        }
        return statuses;
    }

    private static PublicReportQuery.Near near(Open311Format f, String lat, String lon, String radius) {
        if (blank(lat) && blank(lon) && blank(radius)) return null;
        if (blank(lat) || blank(lon)) throw new Open311Exception(f, 400, "open311.error.near.incomplete");
        double la = decimal(f, "lat", lat, 90), lo = decimal(f, "long", lon, 180);
        double metres = blank(radius) ? DEFAULT_RADIUS : decimal(f, "radius", radius, MAX_RADIUS);
        if (metres <= 0) throw new Open311Exception(f, 400, "open311.error.coordinate.invalid", "radius", radius);
        return new PublicReportQuery.Near(la, lo, metres);
    }


    /**
     * CitySDK's {@code bbox}, in the order of GeoJSON and OGC APIs: west longitude, south latitude, east
     * longitude, north latitude. A box given latitude first cannot be read that way here (Indonesia's
     * longitudes are beyond ±90) and is refused with the order spelled out.
     */
    private static PublicReportQuery.Box box(Open311Format f, String bbox) {
        if (blank(bbox)) return null;
        String[] parts = bbox.split(",");
        if (parts.length != 4) throw new Open311Exception(f, 400, "open311.error.bbox.invalid", bbox);
        try {
            double west = decimal(f, "bbox", parts[0], 180), south = decimal(f, "bbox", parts[1], 90);
            double east = decimal(f, "bbox", parts[2], 180), north = decimal(f, "bbox", parts[3], 90);
            if (west <= east && south <= north) return new PublicReportQuery.Box(south, west, north, east);
        } catch (Open311Exception notANumber) {
            // refused below, with the order spelled out
        }
        throw new Open311Exception(f, 400, "open311.error.bbox.invalid", bbox);
    }

    private String format(Instant t) {
        return Open311Params.datetime(t, properties.timeZone());
    }


    private static int number(Open311Format f, String name, String value, int otherwise, int least) {
        if (blank(value)) return otherwise;
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= least) return n;
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new Open311Exception(f, 400, "open311.error.number.invalid", name, value, least);
    }

    private static Set<ReportStatus> statuses(Open311Format f, String value) {
        Set<ReportStatus> statuses = EnumSet.noneOf(ReportStatus.class);
        for (String s : list(value)) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "open" -> statuses.addAll(EnumSet.complementOf(EnumSet.copyOf(Open311Statuses.CLOSED)));
                case "closed" -> statuses.addAll(Open311Statuses.CLOSED);
                default -> throw new Open311Exception(f, 400, "open311.error.status.invalid", s);
            }
        }
        return statuses;
    }


}
