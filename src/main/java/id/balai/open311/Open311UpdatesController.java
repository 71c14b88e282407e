package id.balai.open311;

import static id.balai.open311.Open311Controller.BASE;

import id.balai.open311.Open311Document.Fields;
import id.balai.open311.Open311Document.Items;
import id.balai.platform.BalaiProperties;
import id.balai.reports.PublicReportQuery;
import id.balai.reports.PublicReportQuery.PublicUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * mySociety's {@code servicerequestupdates}: the public lines of reports' histories in a time window, as
 * a FixMyStreet install polls them to follow what it sent. Statuses use mySociety's words; the mapping
 * from Balai's workflow is {@link Open311Statuses#mySociety(PublicUpdate)} and is documented for partners.
 */
@RestController
class Open311UpdatesController {

    static final int MAX_UPDATES = 1000;

    private final PublicReportQuery query;
    private final BalaiProperties properties;
    private final Clock clock;

    Open311UpdatesController(PublicReportQuery query, BalaiProperties properties, Clock clock) {
        this.query = query;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(BASE + "/servicerequestupdates.{format}")
    ResponseEntity<byte[]> updates(@PathVariable String format,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end) {
        Open311Format f = Open311Format.of(format);
        // without dates: the last day, what a polling client such as FixMyStreet asks for anyway (a 90-day
        // default would be more than 1000 lines in any busy city, and refused)
        Instant now = clock.instant();
        Open311Params.Window window = Open311Params.blank(start) && Open311Params.blank(end)
                ? new Open311Params.Window(now.minus(Duration.ofDays(1)), now)
                : Open311Params.Window.of(f, start, end, now);
        List<PublicUpdate> updates = query.updates(window.from(), window.before(), MAX_UPDATES + 1);
        // never cut silently: a client moves its window on, and what was cut would be lost to it
        if (updates.size() > MAX_UPDATES) throw new Open311Exception(f, 400, "open311.error.updates.too-many", MAX_UPDATES);
        List<Fields> items = new ArrayList<>();
        for (PublicUpdate u : updates) {
            String status = Open311Statuses.mySociety(u);
            if (status == null) continue;
            items.add(Fields.of("request_update")
                    .put("update_id", String.valueOf(u.id()))
                    .put("service_request_id", u.trackingCode())
                    .put("status", status)
                    .put("updated_datetime", Open311Params.datetime(u.at(), properties.timeZone()))
                    .put("description", u.note() == null ? "" : u.note())
                    .put("media_url", u.photoKey() == null ? "" : properties.publicBaseUrl() + "/media/" + u.photoKey())
                    .put("external_status_code", u.toStatus() == null ? u.statusNow().name() : u.toStatus().name()));
        }
        return f.answer(new Items("service_request_updates", "request_update", items));
    }
}
