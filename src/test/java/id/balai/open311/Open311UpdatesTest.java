package id.balai.open311;

import static id.balai.open311.Open311ServicesTest.json;
import static id.balai.open311.Open311ServicesTest.texts;
import static id.balai.open311.Open311ServicesTest.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/** mySociety's servicerequestupdates, as a FixMyStreet install polls them by date window. */
@SpringBootTest
@AutoConfigureMockMvc
class Open311UpdatesTest {

    static final Set<String> MYSOCIETY = Set.of("open", "closed", "fixed", "in_progress", "action_scheduled", "investigating",
            "duplicate", "not_councils_responsibility", "no_further_action", "internal_referral", "reopen", "for_triage");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired id.balai.reports.domain.ReportWorkflow workflow;
    @Autowired id.balai.identity.StaffDirectory staff;

    @Test
    void theWindowHoldsThePublicHistoryOfPublishedReportsOnlyInMySocietysStatuses() throws Exception {
        Instant newest = jdbc.sql("select max(at) from report_event").query(OffsetDateTime.class).single().toInstant();
        String window = "start_date=" + newest.minus(89, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC) + "&end_date=" + newest.plusSeconds(1).atOffset(ZoneOffset.UTC);
        JsonNode updates = json(call("/open311/v2/servicerequestupdates.json?" + window, 200));
        assertThat(updates.size()).isPositive();
        Set<String> published = new HashSet<>(jdbc.sql("select tracking_code from report where published = true").query(String.class).list());
        Set<String> internal = new HashSet<>(jdbc.sql("select note from report_event where public = false and note is not null").query(String.class).list());
        String previous = "";
        for (JsonNode u : updates) {
            assertThat(published).contains(u.get("service_request_id").asString());
            assertThat(MYSOCIETY).contains(u.get("status").asString());
            assertThat(internal).doesNotContain(u.get("description").asString());
            assertThat(u.get("update_id").isString()).isTrue();
            String at = u.get("updated_datetime").asString();
            assertThat(OffsetDateTime.parse(at).toInstant()).isAfterOrEqualTo(previous.isEmpty() ? Instant.EPOCH : OffsetDateTime.parse(previous).toInstant());
            previous = at;
        }
        List<String> statuses = texts(xml(call("/open311/v2/servicerequestupdates.xml?" + window, 200)).getDocumentElement(), "status");
        assertThat(statuses).hasSize(updates.size()).contains("fixed");
    }

    @Test
    void withoutDatesTheWindowIsTheLastDay() throws Exception {
        String received = jdbc.sql("select tracking_code from report where status = 'RECEIVED' and confidential = false order by id limit 1")
                .query(String.class).single();
        workflow.verify(staff.byUsername("koordinator").orElseThrow(), received);
        JsonNode recent = json(call("/open311/v2/servicerequestupdates.json", 200));
        List<String> codes = new java.util.ArrayList<>();
        Instant dayAgo = Instant.now().minus(1, ChronoUnit.DAYS).minusSeconds(60);
        recent.forEach(u -> {
            codes.add(u.get("service_request_id").asString());
            assertThat(OffsetDateTime.parse(u.get("updated_datetime").asString()).toInstant()).isAfter(dayAgo);
        });
        assertThat(codes).contains(received);
    }

    @Test
    void aFixedLineCarriesTheResolutionPhotoWhenThereIsOne() throws Exception {
        Document xml = xml(call("/open311/v2/servicerequestupdates.xml", 200));
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_request_updates");
        assertThat(texts(xml.getDocumentElement(), "media_url")).allMatch(u -> u.isEmpty() || u.contains("/media/"));
    }

    @Test
    void badWindowsAreRefused() throws Exception {
        call("/open311/v2/servicerequestupdates.json?start_date=kemarin", 400);
        call("/open311/v2/servicerequestupdates.json?start_date=2026-01-01T00:00:00Z&end_date=2026-12-01T00:00:00Z", 400);
        call("/open311/v2/servicerequestupdates", 400);
    }

    @Test
    void everyWorkflowStepHasAMySocietyStatusAndNotesFollowTheReport() {
        for (String action : List.of("SUBMITTED", "VERIFIED", "ROUTED", "STARTED", "HANDED_BACK", "RESOLVED", "CONFIRMED", "AUTO_CLOSED",
                "REOPENED", "MERGED_INTO", "REJECTED")) {
            assertThat(MYSOCIETY).as(action).contains(Open311Statuses.mySociety(
                    new id.balai.reports.PublicReportQuery.PublicUpdate(1, "X", Instant.now(), action, null, id.balai.reports.ReportStatus.ROUTED, null, null)));
        }
        assertThat(Open311Statuses.mySociety(new id.balai.reports.PublicReportQuery.PublicUpdate(1, "X", Instant.now(), "NOTE", null,
                id.balai.reports.ReportStatus.IN_PROGRESS, "Petugas ke lokasi besok.", null))).isEqualTo("in_progress");
        assertThat(Open311Statuses.mySociety(new id.balai.reports.PublicReportQuery.PublicUpdate(1, "X", Instant.now(), "RATED", null,
                id.balai.reports.ReportStatus.CLOSED, null, null))).isNull();
    }

    private MockHttpServletResponse call(String path, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(status);
        return response;
    }
}
