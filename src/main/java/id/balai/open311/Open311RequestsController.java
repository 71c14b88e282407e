package id.balai.open311;

import static id.balai.open311.Open311Controller.BASE;

import id.balai.open311.Open311Document.Fields;
import id.balai.open311.Open311Document.Items;
import id.balai.organisation.Agency;
import id.balai.organisation.Regions;
import id.balai.platform.BalaiProperties;
import id.balai.reports.PublicReportQuery;
import id.balai.reports.PublicReportQuery.Criteria;
import id.balai.reports.PublicReportQuery.PublicReport;
import id.balai.reports.ReportStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    static final Duration MAX_SPAN = Duration.ofDays(90);
    static final int MAX_RESULTS = 1000;
    /** Plain v2 knows only these two; RESOLVED counts as closed (the work is done) as in FixMyStreet's "fixed". */
    static final Set<ReportStatus> CLOSED = EnumSet.of(ReportStatus.RESOLVED, ReportStatus.CLOSED);

    private final PublicReportQuery query;
    private final Regions regions;
    private final BalaiProperties properties;
    private final Clock clock;

    Open311RequestsController(PublicReportQuery query, Regions regions, BalaiProperties properties, Clock clock) {
        this.query = query;
        this.regions = regions;
        this.properties = properties;
        this.clock = clock;
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
            @RequestParam(name = "offset", required = false) String offset) {
        Open311Format f = Open311Format.of(format);
        Instant before = blank(end) ? null : time(f, "end_date", end);
        Instant from = blank(start) ? null : time(f, "start_date", start);
        if (before == null) before = from == null ? clock.instant() : from.plus(MAX_SPAN);
        if (from == null) from = before.minus(MAX_SPAN);
        if (!from.isBefore(before)) throw new Open311Exception(f, 400, "open311.error.date.order");
        if (Duration.between(from, before).compareTo(MAX_SPAN) > 0) throw new Open311Exception(f, 400, "open311.error.date.span", MAX_SPAN.toDays());

        int size = Math.min(MAX_RESULTS, number(f, "page_size", pageSize, MAX_RESULTS, 1));
        int skip = (number(f, "page", page, 1, 1) - 1) * size;
        if (!blank(limit) || !blank(offset)) {
            size = Math.min(MAX_RESULTS, number(f, "limit", limit, MAX_RESULTS, 1));
            skip = number(f, "offset", offset, 0, 0);
        }
        Criteria criteria = new Criteria(list(ids), list(codes), from, before, statuses(f, status));
        List<Fields> items = query.find(criteria, skip, size).stream().map(this::request).toList();
        return f.answer(new Items("service_requests", "request", items));
    }

    @GetMapping(BASE + "/requests/{id}.{format}")
    ResponseEntity<byte[]> request(@PathVariable String id, @PathVariable String format) {
        Open311Format f = Open311Format.of(format);
        List<PublicReport> found = query.find(new Criteria(Set.of(id.toUpperCase(Locale.ROOT)), Set.of(), null, null, Set.of()), 0, 1);
        if (found.isEmpty()) throw new Open311Exception(f, 404, "open311.error.request.unknown", id);
        return f.answer(new Items("service_requests", "request", List.of(request(found.get(0)))));
    }

    private Fields request(PublicReport r) {
        Locale locale = LocaleContextHolder.getLocale();
        String agency = r.agencyId() == null ? null : regions.agency(r.agencyId()).map(Agency::name).orElse(null);
        return Fields.of("request")
                .put("service_request_id", r.trackingCode())
                .put("status", CLOSED.contains(r.status()) ? "closed" : "open")
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
                .put("media_url", r.photoKey() == null ? null : properties.publicBaseUrl() + "/media/" + r.photoKey());
    }

    private String format(Instant t) {
        return t == null ? null : t.atZone(properties.timeZone()).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static Instant time(Open311Format f, String name, String value) {
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Exception(f, 400, "open311.error.date.invalid", name, value);
        }
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
                case "open" -> statuses.addAll(EnumSet.complementOf(EnumSet.copyOf(CLOSED)));
                case "closed" -> statuses.addAll(CLOSED);
                default -> throw new Open311Exception(f, 400, "open311.error.status.invalid", s);
            }
        }
        return statuses;
    }

    /** A comma list; an empty argument is no argument, as the spec says. */
    private static Set<String> list(String value) {
        if (blank(value)) return Set.of();
        Set<String> items = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
        return items;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
