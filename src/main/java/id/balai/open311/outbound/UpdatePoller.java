package id.balai.open311.outbound;

import id.balai.open311.outbound.Forwardings.Forwarding;
import id.balai.reports.ExternalUpdates;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads back what the other systems did with the reports Balai sent them. First mySociety's
 * {@code servicerequestupdates} for the window since the last poll (starting a few minutes earlier, as
 * the other system may commit an update after answering a poll; at most 90 days); a system that does not
 * have it (404, 400, 405, 501) is asked {@code requests?service_request_id=a,b,c} instead, and a changed
 * status or {@code updated_datetime} counts as an update. Each new update becomes a public line in the
 * report's timeline, once: the update's id is recorded in the same transaction. An update saying
 * {@code fixed} or {@code closed} resolves the report when its workflow allows ({@link ExternalUpdates}).
 */
@Service
class UpdatePoller {

    static final Duration OVERLAP = Duration.ofMinutes(5);
    static final Duration MAX_WINDOW = Duration.ofDays(90).minusMinutes(1);
    static final int FALLBACK_BATCH = 50;
    static final int FALLBACK_LIMIT = 1000;
    /** What mySociety and plain GeoReport v2 call a finished request. */
    static final Set<String> RESOLVING = Set.of("fixed", "closed");
    private static final Set<Integer> NOT_SUPPORTED = Set.of(400, 404, 405, 501);

    private static final Logger log = LoggerFactory.getLogger(UpdatePoller.class);

    private final OutboundSettings settings;
    private final Forwardings forwardings;
    private final Open311Client client;
    private final ExternalUpdates updates;
    private final TransactionTemplate tx;

    UpdatePoller(OutboundSettings settings, Forwardings forwardings, Open311Client client, ExternalUpdates updates,
            PlatformTransactionManager transactions) {
        this.settings = settings;
        this.forwardings = forwardings;
        this.client = client;
        this.updates = updates;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Polls every active endpoint; answers how many updates were applied. One endpoint failing does not stop the others. */
    int pollAll(Instant now) {
        int applied = 0;
        for (Endpoint e : settings.endpoints()) {
            if (!e.active()) continue;
            try {
                applied += poll(e, now);
            } catch (RuntimeException ex) {
                log.warn("Open311 out: polling endpoint #{} failed: {}", e.id(), ex.toString());
            }
        }
        return applied;
    }

    int poll(Endpoint endpoint, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.SECONDS);
        Instant start = endpoint.polledUntil() != null ? endpoint.polledUntil().minus(OVERLAP)
                : forwardings.firstSent(endpoint.id()).map(t -> t.minus(OVERLAP)).orElse(null);
        if (start == null) return 0; // nothing sent there yet
        if (start.isBefore(end.minus(MAX_WINDOW))) start = end.minus(MAX_WINDOW);
        Open311Client.Answer answer = client.get(endpoint, "servicerequestupdates",
                List.of(Map.entry("start_date", iso(start)), Map.entry("end_date", iso(end))));
        int applied;
        if (answer.ok()) {
            applied = 0;
            List<Map<String, String>> items = new ArrayList<>(answer.items());
            items.sort(Comparator.comparing(i -> i.getOrDefault("updated_datetime", "")));
            for (Map<String, String> item : items) {
                String requestId = item.get("service_request_id"), updateId = item.get("update_id");
                if (blank(requestId) || blank(updateId)) continue;
                var forwarding = forwardings.byExternalId(endpoint.id(), requestId.strip());
                if (forwarding.isEmpty()) continue; // somebody else's request
                if (apply(endpoint, forwarding.get(), "update:" + updateId.strip(), item.get("status"), item.get("description"),
                        time(item.get("updated_datetime"), now))) applied++;
            }
        } else if (NOT_SUPPORTED.contains(answer.status())) {
            applied = pollRequests(endpoint, now);
        } else {
            log.warn("Open311 out: endpoint #{} answered servicerequestupdates with {}", endpoint.id(), answer.error());
            return 0;
        }
        settings.polledUntil(endpoint.id(), end);
        return applied;
    }

    /** The fallback: the requests themselves, 50 to a call; a new status or updated_datetime is an update. */
    private int pollRequests(Endpoint endpoint, Instant now) {
        int applied = 0;
        List<Forwarding> followed = forwardings.followed(endpoint.id(), FALLBACK_LIMIT);
        for (int i = 0; i < followed.size(); i += FALLBACK_BATCH) {
            List<Forwarding> batch = followed.subList(i, Math.min(followed.size(), i + FALLBACK_BATCH));
            Map<String, Forwarding> byId = batch.stream().collect(Collectors.toMap(Forwarding::externalId, f -> f));
            Open311Client.Answer answer = client.get(endpoint, "requests",
                    List.of(Map.entry("service_request_id", String.join(",", byId.keySet()))));
            if (!answer.ok()) {
                log.warn("Open311 out: endpoint #{} answered requests with {}", endpoint.id(), answer.error());
                continue;
            }
            for (Map<String, String> request : answer.items()) {
                Forwarding f = byId.get(request.getOrDefault("service_request_id", "").strip());
                if (f == null) continue;
                String status = request.get("status");
                Instant updated = time(request.get("updated_datetime"), null);
                boolean changed = !norm(status).equals(norm(f.lastStatus())) || (updated != null && !updated.equals(f.lastUpdatedAt()));
                if (!changed) continue;
                String updateId = "request:" + f.externalId() + "@" + norm(status) + "@" + (updated == null ? "" : updated.toString());
                if (apply(endpoint, f, updateId, status, request.get("status_notes"), updated == null ? now : updated)) applied++;
            }
        }
        return applied;
    }

    /** One update, once: the mark and the timeline line commit together, so a failure leaves it for the next poll. */
    private boolean apply(Endpoint endpoint, Forwarding f, String updateId, String status, String description, Instant at) {
        String id = updateId.length() > 300 ? updateId.substring(0, 300) : updateId;
        String n = norm(status);
        String s = n.length() > 60 ? n.substring(0, 60) : n; // their word, kept to its column
        Boolean done = tx.execute(t -> {
            if (!forwardings.markApplied(endpoint.id(), id, f.reportId(), at)) return false;
            updates.record(f.reportId(), new ExternalUpdates.Update(endpoint.name(), s.isEmpty() ? null : s,
                    clean(description), RESOLVING.contains(s)));
            forwardings.lastSeen(f.reportId(), s.isEmpty() ? f.lastStatus() : s, at);
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** Text from another system for a public page: control characters out (Thymeleaf escapes the rest), length bounded. */
    private static String clean(String text) {
        if (text == null) return null;
        String t = text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
        return t.length() > 3000 ? t.substring(0, 3000) : t;
    }

    private static String norm(String status) {
        return status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Instant time(String value, Instant otherwise) {
        if (blank(value)) return otherwise;
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }

    private static String iso(Instant t) {
        return t.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
