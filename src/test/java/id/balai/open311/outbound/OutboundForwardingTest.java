package id.balai.open311.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.open311.ApiKeys;
import id.balai.open311.outbound.FakeOpen311Server.PostMode;
import id.balai.open311.outbound.FakeOpen311Server.Received;
import id.balai.open311.outbound.FakeOpen311Server.Update;
import id.balai.open311.outbound.Forwardings.Forwarding;
import id.balai.open311.outbound.Forwardings.State;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Regions;
import id.balai.platform.BalaiProperties;
import id.balai.reports.ExternalUpdates;
import id.balai.reports.ReportIntake;
import id.balai.reports.ReportStatus;
import id.balai.platform.images.PhotoProcessor;
import id.balai.reports.domain.ReportWorkflow;
import id.balai.reports.domain.Reports;
import id.balai.reports.domain.TimelineEntry;
import id.balai.support.TestImages;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Forwarding to another Open311 system and reading its updates back, against a faithful fake server over
 * real HTTP, and against a real second Balai: this test's own running server, reached over HTTP at
 * {@code /open311/v2/} with a partner key, as a province's Balai would be. The scheduled tasks are off in
 * tests; the tests run them with the time they choose, so backoff is checked without waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class OutboundForwardingTest {

    static final String REPORTER_NAME = "Budi Santoso";
    static final String REPORTER_PHONE = "081234567890";
    static final String REPORTER_EMAIL = "budi.santoso@example.org";
    private static final AtomicInteger ENDPOINTS = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired OutboundSettings settings;
    @Autowired Forwardings forwardings;
    @Autowired Forwarder forwarder;
    @Autowired UpdatePoller poller;
    @Autowired ReportIntake intake;
    @Autowired ExternalUpdates externalUpdates;
    @Autowired ReportWorkflow workflow;
    @Autowired Reports reports;
    @Autowired StaffDirectory staff;
    @Autowired Regions regions;
    @Autowired ApiKeys apiKeys;
    @Autowired BalaiProperties properties;

    StaffPrincipal desk;
    StaffPrincipal admin;
    GeoPoint inside;

    @BeforeEach
    void demoCity() {
        desk = staff.byUsername("koordinator").orElseThrow();
        admin = staff.byUsername("admin").orElseThrow();
        inside = regions.centreOf(regions.kelurahans().get(2).code()).orElseThrow();
    }

    /** Each test's endpoint stops when it ends, so no test sends another test's reports. */
    @AfterEach
    void quiet() {
        jdbc.sql("update open311_endpoint set active = false").update();
        jdbc.sql("delete from open311_category_forward").update();
    }

    @Test
    void aVerifiedReportIsPostedOnceWithItsPublicFaceOnlyAndStaffSeeItsNumber() throws Exception {
        try (var fake = new FakeOpen311Server()) {
            Endpoint endpoint = endpoint(fake, "xml");
            settings.map(new Mapping("jalan-rusak", endpoint.id(), "ROAD-01", Map.of("ukuran", "size")));
            String code = file("jalan-rusak", Map.of("ukuran", "Besar"), true);
            long id = queuedAfterVerifying(code);

            forwarder.sendDue(later(0));
            forwarder.sendDue(later(0));
            forwarder.sendDue(later(600));
            assertThat(fake.posts()).hasSize(1);
            Received post = fake.posts().get(0);
            assertThat(post.path()).isEqualTo("requests.xml");
            assertThat(post.param("api_key")).isEqualTo("kunci-rahasia-provinsi");
            assertThat(post.param("service_code")).isEqualTo("ROAD-01");
            assertThat(Double.parseDouble(post.param("lat"))).isEqualTo(inside.lat());
            assertThat(Double.parseDouble(post.param("long"))).isEqualTo(inside.lon());
            assertThat(post.param("address_string")).isEqualTo("Jl. Pemuda 12");
            assertThat(post.param("description")).startsWith("Jalan berlubang besar");
            assertThat(post.param("attribute[size]")).isEqualTo("Besar");
            assertThat(post.param("media_url")).startsWith(properties.publicBaseUrl() + "/media/");
            for (String personal : List.of("first_name", "last_name", "email", "phone", "device_id", "account_id")) {
                assertThat(post.has(personal)).as(personal).isFalse();
            }
            assertThat(post.params().toString()).doesNotContain(REPORTER_NAME).doesNotContain(REPORTER_PHONE).doesNotContain(REPORTER_EMAIL);

            Forwarding f = forwardings.byReport(id).orElseThrow();
            assertThat(f.state()).isEqualTo(State.SENT);
            assertThat(f.externalId()).isEqualTo("EXT-101");
            String page = mvc.perform(get("/staf/laporan/" + code).with(user(admin))).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("Diteruskan ke " + endpoint.name() + ": #EXT-101 (terkirim)");
        }
    }

    @Test
    void anAnswerThatCannotBeStoredIsNotPostedAgainAndAgain() throws Exception {
        try (var fake = new FakeOpen311Server()) {
            Endpoint endpoint = endpoint(fake, "json");
            settings.map(new Mapping("sampah", endpoint.id(), "WASTE", Map.of()));
            fake.postMode = PostMode.SAME_ID; // the other system numbers two reports alike
            long first = verified("sampah");
            forwarder.sendDue(later(0));
            long second = verified("sampah");
            forwarder.sendDue(later(0));
            fake.postMode = PostMode.LONG_ID;
            long third = verified("sampah");
            forwarder.sendDue(later(0));
            assertThat(fake.posts()).hasSize(3);
            assertThat(forwardings.byReport(first).orElseThrow().state()).isEqualTo(State.SENT);
            for (long stuck : List.of(second, third)) {
                Forwarding f = forwardings.byReport(stuck).orElseThrow();
                assertThat(f.state()).isEqualTo(State.FAILED);
                assertThat(f.nextAttemptAt()).isNull();
            }
            // later runs do not file them at the other system again
            forwarder.sendDue(later(3600));
            forwarder.sendDue(later(86_400));
            assertThat(fake.posts()).hasSize(3);
        }
    }

    @Test
    void aSystemThatIsDownIsAskedAgainAfterABackoffUntilItAccepts() throws Exception {
        try (var fake = new FakeOpen311Server()) {
            Endpoint endpoint = endpoint(fake, "json");
            settings.map(new Mapping("sampah", endpoint.id(), "WASTE", Map.of()));
            long id = verified("sampah");
            fake.unavailable.set(1);

            Instant t0 = later(0);
            forwarder.sendDue(t0);
            Forwarding failed = forwardings.byReport(id).orElseThrow();
            assertThat(failed.state()).isEqualTo(State.PENDING);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).isEqualTo("HTTP 503");
            assertThat(failed.nextAttemptAt()).isEqualTo(t0.plus(Forwarder.FIRST_RETRY));

            forwarder.sendDue(t0.plusSeconds(30));
            assertThat(fake.posts()).hasSize(1);
            forwarder.sendDue(t0.plus(Forwarder.FIRST_RETRY));
            assertThat(fake.posts()).hasSize(2);
            Forwarding sent = forwardings.byReport(id).orElseThrow();
            assertThat(sent.state()).isEqualTo(State.SENT);
            assertThat(sent.externalId()).startsWith("EXT-");
            assertThat(sent.lastError()).isNull();
        }
    }

    @Test
    void theOtherSystemsErrorListIsKeptAsTheLastErrorAndAfterTheLastAttemptItGivesUpUntilSentAgain() throws Exception {
        try (var fake = new FakeOpen311Server()) {
            fake.postMode = PostMode.ERROR_403;
            Endpoint xml = endpoint(fake, "xml");
            settings.map(new Mapping("sampah", xml.id(), "WASTE", Map.of()));
            long refused = verified("sampah");
            forwarder.sendDue(later(0));
            assertThat(forwardings.byReport(refused).orElseThrow().lastError()).isEqualTo("HTTP 403: api_key tidak sah");

            fake.postMode = PostMode.ERROR_400;
            Endpoint json = endpoint(fake, "json");
            settings.map(new Mapping("sampah", json.id(), "WASTE", Map.of()));
            long invalid = verified("sampah");
            Instant t = later(0);
            for (int i = 0; i < Forwarder.MAX_ATTEMPTS + 2; i++, t = t.plus(Forwarder.MAX_RETRY)) forwarder.sendDue(t);
            Forwarding gaveUp = forwardings.byReport(invalid).orElseThrow();
            assertThat(gaveUp.lastError()).isEqualTo("HTTP 400: attribute[kedalaman] wajib diisi");
            assertThat(gaveUp.state()).isEqualTo(State.FAILED);
            assertThat(gaveUp.attempts()).isEqualTo(Forwarder.MAX_ATTEMPTS);
            assertThat(fake.posts().stream().filter(p -> p.path().equals("requests.json"))).hasSize(Forwarder.MAX_ATTEMPTS);

            fake.postMode = PostMode.NUMBER;
            assertThat(forwardings.retry(invalid, t)).isTrue();
            forwarder.sendDue(t);
            assertThat(forwardings.byReport(invalid).orElseThrow().state()).isEqualTo(State.SENT);
        }
    }

    @Test
    void aTokenAnswerIsExchangedForTheRequestsNumberLater() throws Exception {
        try (var fake = new FakeOpen311Server()) {
            fake.postMode = PostMode.TOKEN;
            Endpoint endpoint = endpoint(fake, "json");
            settings.map(new Mapping("sampah", endpoint.id(), "WASTE", Map.of()));
            long id = verified("sampah");
            Instant t0 = later(0);
            forwarder.sendDue(t0);
            Forwarding tokened = forwardings.byReport(id).orElseThrow();
            assertThat(tokened.state()).isEqualTo(State.SENT);
            assertThat(tokened.externalId()).isNull();
            assertThat(tokened.token()).isEqualTo("tok-101");

            forwarder.sendDue(t0.plus(Forwarder.FIRST_RETRY));
            assertThat(fake.gets("tokens/tok-101.json")).hasSize(1);
            assertThat(forwardings.byReport(id).orElseThrow().externalId()).isEqualTo("EXT-tok-101");
            assertThat(fake.posts()).hasSize(1);
        }
    }

    @Test
    void updatesArePolledIntoThePublicTimelineOnceAndFixedResolvesTheReport() throws Exception {
        try (var fake = new FakeOpen311Server()) {
            Endpoint endpoint = endpoint(fake, "xml");
            String code = forwarded(endpoint);
            long id = id(code);
            Instant updatedBefore = reports.byId(id).orElseThrow().updatedAt();
            fake.updates.add(new Update("u-1", "EXT-101", "in_progress", "2026-03-02T09:00:00+07:00", "Tim dijadwalkan hari Senin"));
            fake.updates.add(new Update("u-2", "EXT-101", "fixed", "2026-03-03T15:30:00+07:00", "Lubang sudah ditambal"));
            fake.updates.add(new Update("u-3", "EXT-999", "fixed", "2026-03-03T15:31:00+07:00", "laporan orang lain"));

            assertThat(poller.pollAll(later(5))).isEqualTo(2);
            assertThat(poller.pollAll(later(10))).isZero();

            Received poll = fake.gets("servicerequestupdates.xml").get(0);
            assertThat(poll.param("start_date")).isNotBlank();
            assertThat(poll.param("end_date")).isNotBlank();
            List<TimelineEntry> theirs = theirLines(id, endpoint);
            assertThat(theirs).extracting(TimelineEntry::action).containsExactly(TimelineEntry.Action.EXTERNAL_UPDATE, TimelineEntry.Action.RESOLVED);
            assertThat(theirs).allMatch(TimelineEntry::publicNote);
            assertThat(theirs.get(0).note()).isEqualTo("[in_progress] Tim dijadwalkan hari Senin");
            assertThat(theirs.get(1).note()).isEqualTo("[fixed] Lubang sudah ditambal");
            var report = reports.byId(id).orElseThrow();
            assertThat(report.status()).isEqualTo(ReportStatus.RESOLVED);
            assertThat(report.updatedAt()).isAfter(updatedBefore);
            assertThat(report.autoCloseDueAt()).isNotNull();
            // found by tracking code too; a resolved report stays resolved, the update is a note
            assertThat(externalUpdates.record(code, new ExternalUpdates.Update("Mitra Kota", "closed", "Terima kasih", true)))
                    .contains(ReportStatus.RESOLVED);
            assertThat(reports.timeline(id).get(reports.timeline(id).size() - 1).action()).isEqualTo(TimelineEntry.Action.EXTERNAL_UPDATE);

            String publicPage = mvc.perform(get("/laporan/" + code)).andReturn().getResponse().getContentAsString();
            assertThat(publicPage).contains("Tim dijadwalkan hari Senin").contains("Lubang sudah ditambal").contains(endpoint.name());
        }
    }

    @Test
    void withoutServicerequestupdatesTheRequestsThemselvesAreCompared() throws Exception {
        try (var fake = new FakeOpen311Server()) {
            fake.updatesSupported = false;
            Endpoint endpoint = endpoint(fake, "json");
            long id = id(forwarded(endpoint));
            String external = forwardings.byReport(id).orElseThrow().externalId();
            fake.requests.put(external, new String[] {"closed", "2026-03-03T15:30:00+07:00", "Sudah diperbaiki oleh provinsi"});

            assertThat(poller.pollAll(later(5))).isEqualTo(1);
            assertThat(poller.pollAll(later(10))).isZero();
            assertThat(fake.gets("servicerequestupdates.json")).hasSize(2);
            assertThat(fake.gets("requests.json").get(0).param("service_request_id")).isEqualTo(external);
            List<TimelineEntry> theirs = theirLines(id, endpoint);
            assertThat(theirs).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo(TimelineEntry.Action.RESOLVED);
                assertThat(e.note()).isEqualTo("[closed] Sudah diperbaiki oleh provinsi");
            });
        }
    }

    @Test
    void aRealSecondBalaiTakesTheReportAndItsWorkComesBackIntoTheFirstReport() {
        ApiKeys.Created key = apiKeys.create("Balai kota asal", 600, null);
        long endpointId = settings.addEndpoint("Balai Kedua " + ENDPOINTS.incrementAndGet(), "http://127.0.0.1:" + port + "/open311/v2/",
                key.key(), null, "json");
        Endpoint endpoint = settings.endpoint(endpointId).orElseThrow();
        settings.map(new Mapping("jalan-rusak", endpointId, "saluran", Map.of()));
        String code = file("jalan-rusak", Map.of("ukuran", "Sedang"), false);
        long id = queuedAfterVerifying(code);

        forwarder.sendDue(later(0));
        Forwarding sent = forwardings.byReport(id).orElseThrow();
        assertThat(sent.state()).as(String.valueOf(sent.lastError())).isEqualTo(State.SENT);
        String theirCode = sent.externalId();
        Map<String, Object> theirs = jdbc.sql("""
                select r.channel, r.description, c.code from report r join report_category c on c.id = r.category_id
                where r.tracking_code = :code""").param("code", theirCode).query().singleRow();
        assertThat(theirs.get("channel")).isEqualTo("OPEN311");
        assertThat(theirs.get("code")).isEqualTo("saluran");
        assertThat((String) theirs.get("description")).startsWith("Jalan berlubang besar");
        assertThat(jdbc.sql("select count(*) from report_answer a join report r on r.id = a.report_id where r.tracking_code = :code")
                .param("code", theirCode).query(Long.class).single()).as("an answer the admin did not list stays in Balai").isZero();
        assertThat(jdbc.sql("""
                select count(*) from report_reporter rr join report r on r.id = rr.report_id where r.tracking_code = :code
                and (rr.name is not null or rr.phone is not null or rr.email is not null)""").param("code", theirCode)
                .query(Long.class).single()).isZero();

        workflow.verify(admin, theirCode);
        workflow.start(admin, theirCode);
        try {
            workflow.resolve(admin, theirCode, "Saluran sudah dibersihkan", null);
        } catch (PhotoProcessor.RejectedPhoto e) {
            throw new AssertionError(e);
        }

        assertThat(poller.pollAll(later(2))).isGreaterThanOrEqualTo(3);
        assertThat(poller.pollAll(later(4))).isZero();
        List<TimelineEntry> back = theirLines(id, endpoint);
        assertThat(back).extracting(TimelineEntry::note).contains("[in_progress]", "[fixed] Saluran sudah dibersihkan");
        assertThat(back.get(back.size() - 1).action()).isEqualTo(TimelineEntry.Action.RESOLVED);
        assertThat(reports.byId(id).orElseThrow().status()).isEqualTo(ReportStatus.RESOLVED);
    }

    // --- helpers ------------------------------------------------------------------------------

    private Endpoint endpoint(FakeOpen311Server fake, String format) {
        long id = settings.addEndpoint("Sistem Provinsi " + ENDPOINTS.incrementAndGet(), fake.baseUrl(), "kunci-rahasia-provinsi", null, format);
        return settings.endpoint(id).orElseThrow();
    }

    /** A citizen's report with their name, phone and e-mail, as the web form takes it. */
    private String file(String category, Map<String, String> answers, boolean photo) {
        var result = intake.submit(new ReportIntake.Submission(UUID.randomUUID().toString(), category,
                "Jalan berlubang besar di depan pasar, berbahaya bagi pengendara motor pada malam hari.", inside.lat(), inside.lon(),
                "Jl. Pemuda 12", REPORTER_NAME, REPORTER_PHONE, REPORTER_EMAIL, answers,
                photo ? List.of(TestImages.jpeg(800, 600)) : List.of(), "OPEN311"));
        assertThat(result).as(result.toString()).isInstanceOf(ReportIntake.Filed.class);
        return ((ReportIntake.Filed) result).trackingCode();
    }

    /** A report of "jalan-rusak" forwarded to {@code endpoint} and accepted there; its tracking code. */
    private String forwarded(Endpoint endpoint) {
        settings.map(new Mapping("jalan-rusak", endpoint.id(), "ROAD-01", Map.of()));
        String code = file("jalan-rusak", Map.of(), false);
        queuedAfterVerifying(code);
        forwarder.sendDue(later(0));
        return code;
    }

    /** The timeline lines the other system wrote. */
    private List<TimelineEntry> theirLines(long reportId, Endpoint endpoint) {
        return reports.timeline(reportId).stream().filter(e -> e.actor().equals(endpoint.name())).toList();
    }

    private long verified(String category) {
        return queuedAfterVerifying(file(category, Map.of(), false));
    }

    private long id(String code) {
        return jdbc.sql("select id from report where tracking_code = :code").param("code", code).query(Long.class).single();
    }

    /** Verified by the desk; the listener queues it after the commit, on its own thread. Answers the report's id. */
    private long queuedAfterVerifying(String code) {
        workflow.verify(desk, code);
        long reportId = id(code);
        await().atMost(Duration.ofSeconds(60)).until(() -> forwardings.byReport(reportId), Optional::isPresent);
        return reportId;
    }

    /** A moment after everything queued so far was due; in milliseconds, which every database keeps exactly. */
    private static Instant later(int seconds) {
        return Instant.now().plusSeconds(1 + seconds).truncatedTo(ChronoUnit.MILLIS);
    }
}
