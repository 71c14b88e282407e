package id.balai.webhooks;

import id.balai.platform.BalaiProperties;
import id.balai.reports.PublicReportQuery;
import id.balai.reports.PublicReportQuery.PublicReport;
import id.balai.reports.ReportStatus;
import id.balai.reports.ReportStatusChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns report events into outbox rows, one per subscription that chose the event: no HTTP here, so a slow
 * or dead subscriber cannot hold up anything but its own deliveries. Runs after the report's commit, on its
 * own thread, in its own transaction (all rows of an event or none); a failure leaves the event in the
 * publication registry to be retried.
 *
 * <p>Only what the public may see leaves Balai: the report is read through {@link PublicReportQuery}, so a
 * report that is not published (not yet verified, confidential, rejected) sends nothing, and the payload
 * holds no text and nothing about the reporter. "Created" therefore means: published for the first time,
 * which is the move out of RECEIVED (the desk's verification, or an emergency routed at submission).
 */
@Component
class ReportWebhooks {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** ISO 8601 with the city's offset, to the second, as Open311 datetimes. */
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final PublicReportQuery reports;
    private final BalaiProperties properties;
    private final Clock clock;

    ReportWebhooks(Subscriptions subscriptions, Deliveries deliveries, PublicReportQuery reports, BalaiProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.reports = reports;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener(id = "webhooks.report-status-changed")
    void on(ReportStatusChanged event) {
        EventKind kind = event.from() == ReportStatus.RECEIVED ? EventKind.CREATED
                : event.to() == ReportStatus.RESOLVED ? EventKind.RESOLVED : EventKind.STATUS_CHANGED;
        List<Long> targets = subscriptions.activeFor(kind);
        if (targets.isEmpty()) return;
        Optional<PublicReport> report = reports.published(event.trackingCode());
        if (report.isEmpty()) return; // not public: nothing about it leaves Balai
        // the same change, delivered to this listener again (a restart re-sends incomplete publications), gets
        // the same id: the outbox takes it once and subscribers can tell repeats apart
        String eventId = UUID.nameUUIDFromBytes((event.trackingCode() + "|" + event.from() + "|" + event.to() + "|"
                + report.get().updatedAt()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        Instant now = clock.instant();
        deliveries.enqueue(eventId, kind, event.trackingCode(), payload(eventId, kind, now, event, report.get()), targets, now);
    }

    /** The JSON body: the event, and the report as the public sees it now. */
    String payload(String eventId, EventKind kind, Instant occurredAt, ReportStatusChanged event, PublicReport r) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("service_request_id", r.trackingCode());
        report.put("status", r.status().isOpen() ? "open" : "closed");
        report.put("external_status_code", r.status().name());
        report.put("service_code", r.categoryCode());
        report.put("requested_datetime", format(r.submittedAt()));
        report.put("updated_datetime", format(r.updatedAt()));
        report.put("url", properties.publicBaseUrl() + "/laporan/" + r.trackingCode());
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", event.from().name());
        change.put("to", event.to().name());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_id", eventId);
        body.put("event_type", kind.type());
        body.put("occurred_at", format(occurredAt));
        body.put("change", change);
        body.put("report", report);
        return JSON.writeValueAsString(body);
    }

    private String format(Instant at) {
        return at == null ? null : DATE_TIME.format(at.atZone(properties.timeZone()));
    }
}
