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
import id.balai.reports.ExternalUpdates;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
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

    /** mySociety's statuses a partner may post, upper-case; those that carry the reporter's verdict on the work. */
    static final Set<String> POSTED_STATUSES = Set.of("OPEN", "CLOSED", "FIXED", "IN_PROGRESS", "ACTION_SCHEDULED", "INVESTIGATING",
            "DUPLICATE", "NOT_COUNCILS_RESPONSIBILITY", "NO_FURTHER_ACTION", "INTERNAL_REFERRAL", "REOPEN", "FOR_TRIAGE");

    private final PublicReportQuery query;
    private final BalaiProperties properties;
    private final Clock clock;
    private final PartnerAccess access;
    private final PartnerRecords records;
    private final ExternalUpdates updates;
    private final TransactionTemplate tx;

    Open311UpdatesController(PublicReportQuery query, BalaiProperties properties, Clock clock, PartnerAccess access, PartnerRecords records,
            ExternalUpdates updates, PlatformTransactionManager transactions) {
        this.query = query;
        this.properties = properties;
        this.clock = clock;
        this.access = access;
        this.records = records;
        this.updates = updates;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * mySociety's POST: a partner relays its user's update on a report. From the person the partner filed the
     * report for (the same account_id or e-mail), CLOSED confirms a resolved report and REOPEN reopens it with
     * the description as the public reason, as the reporter's own link does; every other update reaches staff
     * as an internal note. The partner's update_id is recorded once: a retry answers the same Balai update_id.
     */
    @PostMapping(BASE + "/servicerequestupdates.{format}")
    ResponseEntity<byte[]> post(@PathVariable String format, HttpServletRequest request) {
        Open311Format f = Open311Format.of(format);
        ApiKeys.Partner partner = access.authorise(f, request);
        String code = PartnerAccess.param(request, "service_request_id");
        String partnerUpdateId = PartnerAccess.param(request, "update_id");
        String status = PartnerAccess.param(request, "status");
        String description = PartnerAccess.param(request, "description");
        String at = PartnerAccess.param(request, "updated_datetime");
        if (code == null) throw new Open311Exception(f, 400, "open311.error.update.missing", "service_request_id");
        if (partnerUpdateId == null || partnerUpdateId.length() > 100) throw new Open311Exception(f, 400, "open311.error.update.missing", "update_id");
        if (status == null || !POSTED_STATUSES.contains(status.toUpperCase(Locale.ROOT))) {
            throw new Open311Exception(f, 400, "open311.error.update.status", status == null ? "" : status);
        }
        if (at != null) Open311Params.time(f, "updated_datetime", at); // checked; the line is dated when Balai records it
        if (description != null && description.length() > 4000) throw new Open311Exception(f, 400, "open311.error.description.long");

        String trackingCode = Open311Params.trackingCode(code);
        Optional<PartnerRecords.Filed> filed = records.filer(trackingCode).filter(r -> r.partnerId() == partner.id());
        boolean visible = filed.isPresent() || query.published(trackingCode).isPresent();
        if (!visible) throw new Open311Exception(f, 404, "open311.error.request.unknown", code);

        // FixMyStreet sends its idea of the report's state with every update, from any of its users: only an
        // explicit REOPEN or CLOSED from the person the report was filed for is their verdict on the work
        String upper = status.toUpperCase(Locale.ROOT);
        boolean reporter = filed.map(r -> r.reporter().sameAs(PartnerAccess.param(request, "account_id"), PartnerAccess.param(request, "email")))
                .orElse(false);
        ExternalUpdates.Verdict verdict = !reporter ? ExternalUpdates.Verdict.NONE
                : upper.equals("CLOSED") ? ExternalUpdates.Verdict.FIXED
                : upper.equals("REOPEN") ? ExternalUpdates.Verdict.NOT_FIXED
                : ExternalUpdates.Verdict.NONE;
        String source = partner.partner().length() > 60 ? partner.partner().substring(0, 60) : partner.partner();
        Long updateId = tx.execute(t -> records.update(partner.id(), partnerUpdateId).orElseGet(() -> records
                .newUpdate(partner.id(), partnerUpdateId, trackingCode, upper)
                .map(id -> {
                    updates.relay(trackingCode, new ExternalUpdates.Relay(source, verdict, description));
                    return id;
                })
                .orElseGet(() -> records.update(partner.id(), partnerUpdateId).orElseThrow())));
        return f.answer(new Items("service_request_updates", "request_update",
                List.of(Fields.of("request_update").put("update_id", String.valueOf(updateId)))));
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
