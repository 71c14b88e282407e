package id.balai.open311.outbound;

import id.balai.open311.outbound.Forwardings.Forwarding;
import id.balai.platform.BalaiProperties;
import id.balai.reports.PublicReportQuery;
import id.balai.reports.ReportCatalogue;
import id.balai.reports.ReportLookup;
import id.balai.reports.ReportLookup.ReportContent;
import id.balai.reports.ReportStatus;
import id.balai.reports.ReportStatusChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Forwards reports of forwarded categories. The listener only queues (one row, in its own transaction);
 * {@link #sendDue} does the HTTP, outside any transaction, and is run by a db-scheduler task on one node.
 * A failed attempt is tried again after 1, 2, 4 … minutes (at most 6 hours apart), {@value #MAX_ATTEMPTS}
 * times in all; then the forwarding is FAILED until the admin sends it again. A request that timed out
 * may have arrived: GeoReport v2 has no idempotency key, so the retry can make a duplicate there, which
 * is better than a report that is never forwarded.
 */
@Service
class Forwarder {

    static final int MAX_ATTEMPTS = 12;
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration MAX_RETRY = Duration.ofHours(6);
    static final int BATCH = 50;
    private static final Set<ReportStatus> FIRST_PUBLIC = EnumSet.of(ReportStatus.VERIFIED, ReportStatus.ROUTED);

    private static final Logger log = LoggerFactory.getLogger(Forwarder.class);

    private final OutboundSettings settings;
    private final Forwardings forwardings;
    private final Open311Client client;
    private final ReportLookup reports;
    private final PublicReportQuery publicReports;
    private final ReportCatalogue catalogue;
    private final BalaiProperties properties;
    private final Clock clock;

    Forwarder(OutboundSettings settings, Forwardings forwardings, Open311Client client, ReportLookup reports,
            PublicReportQuery publicReports, ReportCatalogue catalogue, BalaiProperties properties, Clock clock) {
        this.settings = settings;
        this.forwardings = forwardings;
        this.client = client;
        this.reports = reports;
        this.publicReports = publicReports;
        this.catalogue = catalogue;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A report is forwarded when it first becomes public: verified by the desk, or an emergency routed at
     * submission (both leave RECEIVED for a public status). Not before (it may be spam), and never when
     * confidential (the other system may publish it).
     */
    @ApplicationModuleListener(id = "open311.outbound.report-status-changed")
    void on(ReportStatusChanged event) {
        if (event.from() != ReportStatus.RECEIVED || !FIRST_PUBLIC.contains(event.to())) return;
        reports.content(event.reportId()).filter(ReportContent::published)
                .flatMap(c -> settings.activeMapping(c.categoryCode()))
                .filter(m -> forwardings.enqueue(event.reportId(), m, clock.instant()))
                .ifPresent(m -> log.info("Open311 out: report {} queued for endpoint #{}", event.trackingCode(), m.endpointId()));
    }

    /** Sends what is due now (and exchanges tokens for numbers); answers how many rows it worked on. */
    int sendDue(Instant now) {
        List<Forwarding> due = forwardings.due(now, BATCH);
        for (Forwarding f : due) {
            Optional<Endpoint> endpoint = settings.endpoint(f.endpointId());
            if (endpoint.isEmpty()) continue;
            try {
                if (f.state() == Forwardings.State.SENT) exchangeToken(endpoint.get(), f, now);
                else send(endpoint.get(), f, now);
            } catch (DataIntegrityViolationException e) {
                // their answer cannot be stored (an id they gave another report too): sending again would only
                // file a second copy there, so this one waits for the admin
                forwardings.attemptFailed(f.reportId(), "answer could not be stored: " + e.getClass().getSimpleName(), null);
            } catch (RuntimeException e) {
                // one bad row must not stop the rows behind it
                log.warn("Open311 out: report #{} at endpoint #{} failed", f.reportId(), f.endpointId(), e);
                failed(f, "internal error: " + e.getClass().getSimpleName(), now);
            }
        }
        return due.size();
    }

    private void send(Endpoint endpoint, Forwarding f, Instant now) {
        Optional<ReportContent> content = reports.content(f.reportId());
        if (content.isEmpty() || !content.get().published()) {
            // rejected or made confidential since it was queued: it must not leave Balai now
            forwardings.attemptFailed(f.reportId(), "report is no longer public: not sent", null);
            return;
        }
        Mapping mapping = settings.activeMapping(content.get().categoryCode()).filter(m -> m.endpointId() == endpoint.id())
                .orElse(new Mapping(content.get().categoryCode(), endpoint.id(), f.serviceCode(), Map.of()));
        Open311Client.Answer answer = client.post(endpoint, "requests", form(endpoint, mapping, content.get()));
        if (!answer.ok()) {
            failed(f, answer.error(), now);
            return;
        }
        Map<String, String> first = answer.items().isEmpty() ? Map.of() : answer.items().get(0);
        String id = blankToNull(first.get("service_request_id"));
        String token = blankToNull(first.get("token"));
        if (id != null && id.length() > 200 || token != null && token.length() > 200) {
            forwardings.attemptFailed(f.reportId(), "HTTP " + answer.status() + ": an id or token longer than 200 characters", null);
            return;
        }
        if (id == null && token == null) {
            failed(f, "HTTP " + answer.status() + ": neither service_request_id nor token in the answer", now);
            return;
        }
        forwardings.sent(f.reportId(), id, token, now, id == null ? now.plus(FIRST_RETRY) : null);
        log.info("Open311 out: report {} accepted by endpoint #{}", content.get().trackingCode(), endpoint.id());
    }

    /** GET tokens/{token}: the other system may take a while to number a request; asked again with backoff until it does. */
    private void exchangeToken(Endpoint endpoint, Forwarding f, Instant now) {
        if (f.token() == null || !f.token().matches("[A-Za-z0-9_.:-]{1,200}")) {
            forwardings.attemptFailed(f.reportId(), "unusable token", null);
            return;
        }
        Open311Client.Answer answer = client.get(endpoint, "tokens/" + f.token(), List.of());
        String id = answer.ok() ? answer.items().stream().map(i -> blankToNull(i.get("service_request_id")))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null) : null;
        if (id == null) failed(f, answer.ok() ? "token not yet numbered" : answer.error(), now);
        else forwardings.sent(f.reportId(), id, f.token(), now, null);
    }

    private void failed(Forwarding f, String error, Instant now) {
        int attempt = f.attempts() + 1;
        Instant next = attempt >= MAX_ATTEMPTS ? null : now.plus(backoff(attempt));
        forwardings.attemptFailed(f.reportId(), error, next);
        log.warn("Open311 out: attempt {} for report #{} at endpoint #{} failed{}", attempt, f.reportId(), f.endpointId(),
                next == null ? ", giving up" : "");
    }

    /** 1, 2, 4 … minutes after the n-th failed attempt, never more than {@link #MAX_RETRY}. */
    static Duration backoff(int attempt) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    /**
     * The POST's fields: the public face only, plus the answers the admin chose to send. No first_name,
     * last_name, email, phone or device_id, whatever the reporter gave Balai.
     */
    private List<Map.Entry<String, String>> form(Endpoint endpoint, Mapping mapping, ReportContent c) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("api_key", endpoint.apiKey()));
        if (endpoint.jurisdictionId() != null) form.add(Map.entry("jurisdiction_id", endpoint.jurisdictionId()));
        form.add(Map.entry("service_code", mapping.serviceCode()));
        form.add(Map.entry("lat", String.valueOf(c.lat())));
        form.add(Map.entry("long", String.valueOf(c.lon())));
        if (c.address() != null && !c.address().isBlank()) form.add(Map.entry("address_string", c.address()));
        form.add(Map.entry("description", c.text().length() > 4000 ? c.text().substring(0, 4000) : c.text()));
        Set<String> multiple = catalogue.service(c.categoryCode()).map(s -> s.fields().stream()
                .filter(q -> q.kind() == id.balai.reports.CatalogueAdmin.QuestionKind.MULTI_CHOICE)
                .map(ReportCatalogue.Field::code).collect(java.util.stream.Collectors.toSet())).orElse(Set.of());
        c.answers().forEach((code, answer) -> mapping.theirCode(code).ifPresent(theirs -> {
            String name = "attribute[" + theirs + "]";
            if (multiple.contains(code)) {
                for (String choice : answer.split(", ")) form.add(Map.entry(name + "[]", choice));
            } else {
                form.add(Map.entry(name, answer));
            }
        }));
        // GeoReport v2 takes one media_url: the first photo the public may see
        publicReports.publicPhotoKeys(List.of(c.trackingCode())).getOrDefault(c.trackingCode(), List.of()).stream().findFirst()
                .ifPresent(key -> form.add(Map.entry("media_url", properties.publicBaseUrl() + "/media/" + key)));
        return form;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
