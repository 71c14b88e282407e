package id.balai.open311;

import static id.balai.open311.Open311ServicesTest.json;
import static id.balai.open311.Open311ServicesTest.text;
import static id.balai.open311.Open311ServicesTest.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Regions;
import id.balai.reports.ReportStatus;
import id.balai.reports.domain.ReportWorkflow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** mySociety's POST servicerequestupdates: a partner relays what its user says about a report. */
@SpringBootTest
@AutoConfigureMockMvc
class Open311PostUpdatesTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Regions regions;
    @Autowired ReportWorkflow workflow;
    @Autowired StaffDirectory staff;
    @Autowired ApiKeys keys;

    @Test
    void theReporterSaysItIsNotFixedThroughThePartnerThatFiledItAndTheReportReopensOnce() throws Exception {
        String code = resolvedReportFiledBy("demo-astina");
        MockHttpServletResponse first = call(update("demo-astina", code, "fms-901", "REOPEN", "Lubangnya masih ada, belum ditambal.")
                .param("email", "Warga@Contoh.example"), 200);
        String updateId = json(first).get(0).get("update_id").asString();
        assertThat(status(code)).isEqualTo(ReportStatus.REOPENED);
        assertThat(publicNotes(code)).contains("Lubangnya masih ada, belum ditambal.");

        // FixMyStreet retries after a lost answer: the same Balai update_id, nothing done twice
        assertThat(json(call(update("demo-astina", code, "fms-901", "REOPEN", "Lubangnya masih ada, belum ditambal.").param("email", "warga@contoh.example"), 200))
                .get(0).get("update_id").asString()).isEqualTo(updateId);
        assertThat(events(code, "REOPENED")).isEqualTo(1);
    }

    @Test
    void closedFromTheReporterConfirmsTheResolvedReportInXml() throws Exception {
        String code = resolvedReportFiledBy("demo-astina");
        var reply = xml(call(post("/open311/v2/servicerequestupdates.xml").param("api_key", "demo-astina").param("service_request_id", code.replace("-", "").toLowerCase())
                .param("update_id", "fms-902").param("status", "closed").param("account_id", "fms-user-7")
                .param("updated_datetime", "2026-11-24T10:00:00+07:00"), 200));
        assertThat(text(reply.getDocumentElement(), "update_id")).isNotBlank();
        assertThat(reply.getDocumentElement().getTagName()).isEqualTo("service_request_updates");
        assertThat(status(code)).isEqualTo(ReportStatus.CLOSED);
    }

    @Test
    void otherUsersOfThePartnerAndItsUsualStatusesAreCommentsForStaff() throws Exception {
        String code = resolvedReportFiledBy("demo-astina");
        // FixMyStreet sends its idea of the state with every comment: FIXED or OPEN from anyone is a comment
        call(update("demo-astina", code, "fms-903", "OPEN", "Terima kasih, sudah bagus.").param("email", "warga@contoh.example"), 200);
        call(update("demo-astina", code, "fms-904", "FIXED", "Sudah beres.").param("email", "warga@contoh.example"), 200);
        // a REOPEN from another of its users is not the reporter's verdict
        call(update("demo-astina", code, "fms-905", "REOPEN", "Menurut saya belum.").param("email", "tetangga@contoh.example"), 200);
        assertThat(status(code)).isEqualTo(ReportStatus.RESOLVED);
        assertThat(jdbc.sql("select count(*) from report_event e join report r on r.id = e.report_id where r.tracking_code = :c"
                + " and e.action = 'NOTE' and e.public = false").param("c", code).query(Long.class).single()).isEqualTo(3L);
    }

    @Test
    void anotherPartnersWordReachesStaffAsAnInternalNoteAndChangesNothing() throws Exception {
        String code = resolvedReportFiledBy("demo-astina");
        ApiKeys.Created other = keys.create("Aplikasi Tetangga", 60, null);
        call(update(other.key(), code, "tetangga-1", "CLOSED", "Warga lain bilang <b>sudah beres</b>.").param("account_id", "fms-user-7"), 200);
        assertThat(status(code)).isEqualTo(ReportStatus.RESOLVED);
        assertThat(publicNotes(code)).noneMatch(n -> n.contains("sudah beres"));
        Map<String, Object> note = jdbc.sql("""
                select e.actor, e.note, e.public from report_event e join report r on r.id = e.report_id
                where r.tracking_code = :c and e.action = 'NOTE' order by e.id desc limit 1""").param("c", code).query().singleRow();
        assertThat(note.get("actor")).isEqualTo("Aplikasi Tetangga");
        assertThat((String) note.get("note")).contains("Warga lain bilang <b>sudah beres</b>.");
        assertThat(note.get("public")).isEqualTo(false);
    }

    @Test
    void theSameUpdateSentSeveralTimesAtOnceIsRecordedOnce() throws Exception {
        String code = resolvedReportFiledBy("demo-astina");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> json(call(update("demo-astina", code, "fms-bersamaan", "OPEN", "Dikirim bersamaan."), 200))
                        .get(0).get("update_id").asString()));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var a : answers) ids.add(a.get(60, java.util.concurrent.TimeUnit.SECONDS));
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from open311_partner_update where partner_update_id = 'fms-bersamaan'").query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from report_event e join report r on r.id = e.report_id where r.tracking_code = :c"
                + " and e.note like '%Dikirim bersamaan.%'").param("c", code).query(Long.class).single()).isOne();
    }

    @Test
    void badUpdatesAreRefusedAsTheSpecSaysAndChangeNothing() throws Exception {
        String code = resolvedReportFiledBy("demo-astina");
        assertThat(json(call(update("demo-astina", code, "x-1", "SELESAI", "?"), 400)).get(0).get("description").asString()).contains("SELESAI");
        call(update("demo-astina", code, "", "FIXED", "?"), 400);
        call(update("demo-astina", "", "x-2", "FIXED", "?"), 400);
        call(update("salah", code, "x-3", "FIXED", "?"), 403);
        call(update("demo-astina", code, "x-4", "FIXED", "x".repeat(4001)), 400);
        call(update("demo-astina", code, "x-5", "FIXED", "?").param("updated_datetime", "kemarin"), 400);
        call(update("demo-astina", "ZZZZ-ZZZZ", "x-6", "FIXED", "?"), 404);
        // a report nobody may see publicly, filed through the web form: unknown to partners
        String hidden = jdbc.sql("select tracking_code from report where published = false order by id limit 1").query(String.class).single();
        call(update("demo-astina", hidden, "x-7", "FIXED", "?"), 404);
        assertThat(status(code)).isEqualTo(ReportStatus.RESOLVED);
        assertThat(jdbc.sql("select count(*) from open311_partner_update where partner_update_id like 'x-%'").query(Long.class).single()).isZero();
    }

    /** A report the partner with {@code key} filed, then verified, routed, started and resolved by the city. */
    private String resolvedReportFiledBy(String key) throws Exception {
        GeoPoint inside = regions.centreOf(regions.kelurahans().get(3).code()).orElseThrow();
        String code = json(call(post("/open311/v2/requests.json").param("api_key", key).param("service_code", "jalan-rusak")
                .param("lat", String.valueOf(inside.lat())).param("long", String.valueOf(inside.lon()))
                .param("description", "Jalan berlubang besar di depan sekolah dasar.").param("email", "warga@contoh.example")
                .param("account_id", "fms-user-7"), 200)).get(0).get("service_request_id").asString();
        StaffPrincipal desk = staff.byUsername("koordinator").orElseThrow();
        workflow.verify(desk, code);
        Long agencyId = workflow.view(desk, code).agencyId();
        if (agencyId == null) {
            agencyId = staff.byUsername("dpupr").orElseThrow().agencyId();
            workflow.route(desk, code, agencyId);
        }
        long agency = agencyId;
        StaffPrincipal owner = staff.ofAgency(agency).stream().filter(p -> p.role().name().equals("AGENCY_ADMIN")).findFirst().orElseThrow();
        workflow.start(owner, code);
        workflow.resolve(owner, code, "Lubang sudah ditambal dengan aspal.", null);
        assertThat(status(code)).isEqualTo(ReportStatus.RESOLVED);
        return code;
    }

    private MockHttpServletRequestBuilder update(String key, String code, String updateId, String status, String description) {
        return post("/open311/v2/servicerequestupdates.json").param("api_key", key).param("service_request_id", code)
                .param("update_id", updateId).param("status", status).param("description", description);
    }

    private ReportStatus status(String code) {
        return ReportStatus.valueOf(jdbc.sql("select status from report where tracking_code = :c").param("c", code).query(String.class).single());
    }

    private List<String> publicNotes(String code) {
        return jdbc.sql("select e.note from report_event e join report r on r.id = e.report_id where r.tracking_code = :c and e.public = true and e.note is not null")
                .param("c", code).query(String.class).list();
    }

    private long events(String code, String action) {
        return jdbc.sql("select count(*) from report_event e join report r on r.id = e.report_id where r.tracking_code = :c and e.action = :a")
                .param("c", code).param("a", action).query(Long.class).single();
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response;
    }
}
