package id.balai.portal;

import id.balai.reports.PublicReportQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The report figures and newest reports a home page shows, read from the reports module and held for a
 * minute: a home page is rendered anew after every edit anywhere, and counting a million reports each time
 * would make that the slowest page of the site.
 */
@Component
class HomeFigures {

    private static final Duration HOLD = Duration.ofMinutes(1);
    private static final Duration RECENT = Duration.ofDays(30);

    record Figures(PublicReportQuery.PublicFigures counts, List<PublicReportQuery.PublicReport> latest) {}

    private record Held(Figures figures, Instant at) {}

    private final PublicReportQuery reports;
    private final Clock clock;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    HomeFigures(PublicReportQuery reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> firstReads = new ConcurrentHashMap<>();

    /**
     * For a kelurahan (its code) or the city (null). One visitor at a time reads them anew, the others meanwhile get
     * the figures held so far: counting a million reports once per concurrent visitor ran a small heap out of memory.
     */
    Figures of(String kelurahanCode) {
        String key = kelurahanCode == null ? "" : kelurahanCode;
        Held h = held.get(key);
        if (h != null && h.at().plus(HOLD).isAfter(clock.instant())) return h.figures();
        if (h != null) {
            if (!refreshing.add(key)) return h.figures();
            try {
                return read(key, kelurahanCode);
            } finally {
                refreshing.remove(key);
            }
        }
        synchronized (firstReads.computeIfAbsent(key, k -> new Object())) {
            Held first = held.get(key);
            return first != null ? first.figures() : read(key, kelurahanCode);
        }
    }

    private Figures read(String key, String kelurahanCode) {
        Instant now = clock.instant();
        PublicReportQuery.PublicFigures counts = reports.figures(kelurahanCode, now.minus(RECENT));
        List<PublicReportQuery.PublicReport> latest = reports.find(PublicReportQuery.Criteria.of(null, kelurahanCode, null, null), 0, 5);
        Figures f = new Figures(counts, latest);
        held.put(key, new Held(f, now));
        return f;
    }
}
