package id.balai.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.identity.StaffRole;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Regions;
import id.balai.reports.ReportLookup;
import id.balai.reports.ReportStatus;
import id.balai.reports.domain.Categories;
import id.balai.reports.domain.ReportSubmission;
import id.balai.reports.domain.ReportWorkflow;
import id.balai.reports.domain.SubmissionForm;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end: reports filed and handled through the real workflow, the listener queueing after
 * commit, db-scheduler running the delivery task, and partners' receivers as real HTTP servers.
 */
@SpringBootTest(properties = { "db-scheduler.enabled=true", "db-scheduler.polling-interval=100ms", "balai.webhooks.run-every=100ms",
        "balai.webhooks.max-attempts=1000", "balai.webhooks.max-backoff=500ms", "balai.webhooks.read-timeout=3s" })
class WebhookDeliveryTest {

    @Autowired Subscriptions subscriptions;
    @Autowired Deliveries deliveries;
    @Autowired ReportSubmission submission;
    @Autowired ReportWorkflow workflow;
    @Autowired ReportLookup lookup;
    @Autowired Categories categories;
    @Autowired Regions regions;
    @Autowired StaffDirectory staff;
    @Autowired JdbcClient jdbc;

    final List<Subscriber> subscribers = new ArrayList<>();
    final List<Long> made = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        made.forEach(id -> subscriptions.byId(id).ifPresent(s -> subscriptions.delete(id, s.version())));
        subscribers.forEach(Subscriber::close);
    }

    @Test
    void aSubscriberReceivesCreatedStatusChangedAndResolvedEventsWithAValidSignature() throws Exception {
        Subscriber partner = subscriber();
        Subscriptions.Created sub = subscribe(partner, EnumSet.allOf(EventKind.class));

        String code = submit(false, "Warga Pelapor", "pelapor@warga.example");
        StaffPrincipal desk = staff.byUsername("koordinator").orElseThrow();
        workflow.verify(desk, code);
        StaffPrincipal owner = agencyAdminOf(code, desk);
        workflow.start(owner, code);
        workflow.resolve(owner, code, "Sampah sudah diangkut.", null);

        List<Subscriber.Received> got = Eventually.until("created, status changed and resolved received", () -> partner.about(code),
                r -> r.stream().map(Subscriber.Received::eventType).toList().contains("report.resolved") && r.size() >= 3);
        assertThat(got).allSatisfy(r -> {
            assertThat(r.signedWith(sub.secret())).as("signature of " + r.body()).isTrue();
            assertThat(r.signedWith("whsec_another")).isFalse();
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(Math.abs(Long.parseLong(r.timestamp()) - Instant.now().getEpochSecond())).isLessThan(600);
            JsonNode body = ReportWebhooks.JSON.readTree(r.body());
            assertThat(body.get("event_id").asString()).isEqualTo(r.eventId());
            assertThat(body.get("event_type").asString()).isEqualTo(r.eventType());
            assertThat(OffsetDateTime.parse(body.get("occurred_at").asString()).getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
            JsonNode report = body.get("report");
            assertThat(report.get("service_request_id").asString()).isEqualTo(code);
            assertThat(report.get("service_code").asString()).isEqualTo("sampah");
            assertThat(report.get("url").asString()).endsWith("/laporan/" + code);
            assertThat(OffsetDateTime.parse(report.get("updated_datetime").asString())).isNotNull();
        });
        assertThat(got.stream().map(Subscriber.Received::eventId).distinct()).hasSize(got.size());
        Subscriber.Received created = only(got, "report.created");
        assertThat(created.body()).contains("\"from\":\"RECEIVED\"");
        Subscriber.Received started = got.stream().filter(r -> r.body().contains("\"to\":\"IN_PROGRESS\"")).findFirst().orElseThrow();
        assertThat(started.eventType()).isEqualTo("report.status_changed");
        Subscriber.Received resolved = only(got, "report.resolved");
        JsonNode resolvedReport = ReportWebhooks.JSON.readTree(resolved.body()).get("report");
        assertThat(resolvedReport.get("status").asString()).isEqualTo("closed");
        assertThat(resolvedReport.get("external_status_code").asString()).isEqualTo("RESOLVED");

        List<Deliveries.Delivery> log = Eventually.until("all logged as delivered", () -> deliveries.recent(sub.id(), 50),
                l -> l.stream().allMatch(d -> d.state() == Deliveries.State.DELIVERED));
        assertThat(log).hasSize(got.size()).allSatisfy(d -> assertThat(d.lastStatus()).isEqualTo(204));
        assertThat(log.stream().mapToInt(Deliveries.Delivery::attempts).sum()).as("one request per attempt").isEqualTo(got.size());
    }

    @Test
    void aSubscriberAnswering500ThenSuccessGetsTheDeliveryRetriedAndTheLogShowsTheAttempts() throws Exception {
        Subscriber partner = subscriber().answering(n -> n == 1 ? 500 : 200);
        Subscriptions.Created sub = subscribe(partner, EnumSet.of(EventKind.CREATED));

        String code = submit(false, null, null);
        workflow.verify(staff.byUsername("koordinator").orElseThrow(), code);

        Deliveries.Delivery delivered = Eventually.until("delivered after a retry", () -> deliveries.recent(sub.id(), 10),
                l -> l.size() == 1 && l.get(0).state() == Deliveries.State.DELIVERED).get(0);
        assertThat(delivered.attempts()).isGreaterThanOrEqualTo(2);
        assertThat(delivered.lastStatus()).isEqualTo(200);
        assertThat(delivered.deliveredAt()).isNotNull();
        List<Subscriber.Received> got = partner.about(code);
        assertThat(got).as("one request per attempt in the log").hasSize(delivered.attempts());
        assertThat(got).extracting(Subscriber.Received::eventId).containsOnly(delivered.eventId());
        assertThat(got).extracting(Subscriber.Received::body).as("the same bytes every time").containsOnly(got.get(0).body());
        assertThat(got).allSatisfy(r -> assertThat(r.signedWith(sub.secret())).isTrue());
    }

    @Test
    void aSubscriberThatNeverAnswersDoesNotSlowOrFailSubmissions() throws Exception {
        Subscriber dead = subscriber().hanging();
        Subscriptions.Created sub = subscribe(dead, EnumSet.of(EventKind.CREATED));
        StaffPrincipal desk = staff.byUsername("koordinator").orElseThrow();

        String first = submit(false, null, null);
        workflow.verify(desk, first);
        Eventually.until("the subscriber holding a delivery", dead::received, r -> !r.isEmpty());

        // while it hangs, citizens keep filing and the desk keeps verifying
        List<String> more = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String code = submit(false, null, null);
            workflow.verify(desk, code);
            more.add(code);
        }
        for (String code : more) {
            assertThat(lookup.notice(lookupId(code))).get().satisfies(n -> assertThat(n.status()).isNotEqualTo(ReportStatus.RECEIVED));
        }
        Eventually.until("every event queued", () -> codes(deliveries.recent(sub.id(), 50)), c -> c.containsAll(more) && c.contains(first));
        Deliveries.Delivery retried = Eventually.until("the first delivery timed out and retried", () -> delivery(sub.id(), first),
                d -> d.attempts() >= 2 && d.lastError() != null);
        assertThat(retried.state()).isEqualTo(Deliveries.State.PENDING);
        assertThat(retried.lastError()).contains("no answer");

        dead.release();
        List<Deliveries.Delivery> log = Eventually.until("all delivered once it answers", () -> deliveries.recent(sub.id(), 50),
                l -> l.size() == 6 && l.stream().allMatch(d -> d.state() == Deliveries.State.DELIVERED));
        assertThat(codes(log)).containsAll(more).contains(first);
    }

    @Test
    void pausedSubscriptionsGetNothing() throws Exception {
        Subscriber listening = subscriber();
        Subscriber paused = subscriber();
        subscribe(listening, EnumSet.of(EventKind.CREATED));
        Subscriptions.Created pausedSub = subscribe(paused, EnumSet.of(EventKind.CREATED));
        assertThat(subscriptions.setActive(pausedSub.id(), 0, false)).isTrue();
        StaffPrincipal desk = staff.byUsername("koordinator").orElseThrow();

        String whilePaused = submit(false, null, null);
        workflow.verify(desk, whilePaused);
        Eventually.until("the active subscriber served", () -> listening.about(whilePaused), r -> !r.isEmpty());
        Eventually.until("the listener done", () -> listenerDone(whilePaused), done -> done);
        assertThat(paused.received()).isEmpty();
        assertThat(deliveries.recent(pausedSub.id(), 10)).isEmpty();

        assertThat(subscriptions.setActive(pausedSub.id(), 1, true)).isTrue();
        String afterwards = submit(false, null, null);
        workflow.verify(desk, afterwards);
        Eventually.until("the resumed subscriber served", () -> paused.about(afterwards), r -> !r.isEmpty());
        assertThat(paused.about(whilePaused)).as("nothing from while it was paused").isEmpty();
    }

    @Test
    void confidentialOrUnpublishedContentNeverAppearsInAPayload() throws Exception {
        Subscriber partner = subscriber();
        subscribe(partner, EnumSet.allOf(EventKind.class));
        StaffPrincipal desk = staff.byUsername("koordinator").orElseThrow();

        String confidential = submit(true, "Rahasia Pelapor", "rahasia@warga.example");
        workflow.verify(desk, confidential);
        String rejected = submit(false, "Ditolak Pelapor", "ditolak@warga.example");
        workflow.reject(desk, rejected, id.balai.reports.domain.Report.RejectReason.values()[0], "Bukan laporan.");
        String received = submit(false, "Baru Pelapor", "baru@warga.example");
        String published = submit(false, "Terbit Pelapor", "terbit@warga.example");
        workflow.verify(desk, published);

        Eventually.until("the published one received", () -> partner.about(published), r -> !r.isEmpty());
        for (String code : List.of(confidential, rejected, published)) Eventually.until("the listener done for " + code, () -> listenerDone(code), d -> d);
        String everything = String.join("\n", partner.received().stream().map(Subscriber.Received::body).toList());
        assertThat(everything).doesNotContain(confidential, rejected, received);
        assertThat(everything).doesNotContain("Pelapor", "warga.example", "0812", DESCRIPTION);
        assertThat(jdbc.sql("select count(*) from webhook_delivery where tracking_code in (:codes)")
                .param("codes", List.of(confidential, rejected, received)).query(Long.class).single()).isZero();
    }

    static final String DESCRIPTION = "Tumpukan sampah liar di samping pos ronda";

    private String submit(boolean confidential, String name, String email) {
        GeoPoint inside = regions.centreOf(regions.kelurahans().get(2).code()).orElseThrow();
        SubmissionForm form = new SubmissionForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        form.setCategoryId(categories.byCode("sampah").orElseThrow().id());
        form.setDescription(DESCRIPTION + " " + UUID.randomUUID().toString().substring(0, 6));
        form.setLat(inside.lat());
        form.setLon(inside.lon());
        form.setConfidential(confidential);
        form.setName(name);
        form.setEmail(email);
        if (name != null) form.setPhone("081234567890");
        ReportSubmission.Outcome outcome = submission.submit(form);
        assertThat(outcome).isInstanceOf(ReportSubmission.Saved.class);
        return ((ReportSubmission.Saved) outcome).report().trackingCode();
    }

    private StaffPrincipal agencyAdminOf(String code, StaffPrincipal desk) {
        Long agency = workflow.view(desk, code).agencyId();
        if (agency == null) {
            agency = staff.byUsername("dlh").map(StaffPrincipal::agencyId).orElseGet(() -> staff.withRole(StaffRole.AGENCY_ADMIN).get(0).agencyId());
            workflow.route(desk, code, agency);
        }
        long routed = agency;
        return staff.ofAgency(routed).stream().filter(p -> p.role() == StaffRole.AGENCY_ADMIN).findFirst().orElseThrow();
    }

    private Subscriber subscriber() throws Exception {
        Subscriber s = new Subscriber();
        subscribers.add(s);
        return s;
    }

    private Subscriptions.Created subscribe(Subscriber s, Set<EventKind> kinds) {
        Subscriptions.Created created = subscriptions.create("Mitra uji", s.url(), kinds, null);
        made.add(created.id());
        return created;
    }

    private boolean listenerDone(String code) {
        return jdbc.sql("""
                select count(*) from event_publication
                where listener_id = 'webhooks.report-status-changed' and serialized_event like :code and completion_date is null""")
                .param("code", "%" + code + "%").query(Long.class).single() == 0
                && jdbc.sql("select count(*) from event_publication where listener_id = 'webhooks.report-status-changed' and serialized_event like :code")
                        .param("code", "%" + code + "%").query(Long.class).single() > 0;
    }

    private long lookupId(String code) {
        return jdbc.sql("select id from report where tracking_code = :code").param("code", code).query(Long.class).single();
    }

    private Deliveries.Delivery delivery(long subscription, String code) {
        return deliveries.recent(subscription, 50).stream().filter(d -> d.trackingCode().equals(code)).findFirst().orElse(null);
    }

    private static Set<String> codes(List<Deliveries.Delivery> log) {
        Set<String> codes = new HashSet<>();
        log.forEach(d -> codes.add(d.trackingCode()));
        return codes;
    }

    private static Subscriber.Received only(List<Subscriber.Received> got, String type) {
        List<Subscriber.Received> of = got.stream().filter(r -> type.equals(r.eventType())).toList();
        assertThat(of).as(type).hasSize(1);
        return of.get(0);
    }
}
