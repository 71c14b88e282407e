package id.balai.open311;

import static id.balai.open311.Open311ServicesTest.json;
import static id.balai.open311.Open311ServicesTest.text;
import static id.balai.open311.Open311ServicesTest.texts;
import static id.balai.open311.Open311ServicesTest.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/** GET requests as an Open311 client polls them: filters, defaults, paging, errors, and what never shows. */
@SpringBootTest
@AutoConfigureMockMvc
class Open311RequestsTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    record Row(String code, String status, Instant submitted, boolean confidential, boolean published, String reporterName) {}

    List<Row> rows;
    String window;

    @BeforeEach
    void demoReports() {
        rows = jdbc.sql("""
                select r.tracking_code, r.status, r.submitted_at, r.confidential, r.published, rr.name
                from report r left join report_reporter rr on rr.report_id = r.id order by r.submitted_at desc""")
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getString(6))).list();
        Instant newest = rows.get(0).submitted();
        window = "start_date=" + newest.minus(89, ChronoUnit.DAYS).atOffset(ZoneOffset.ofHours(7))
                + "&end_date=" + newest.plusSeconds(1).atOffset(ZoneOffset.ofHours(7));
    }

    @Test
    void theListHoldsExactlyThePublishedReportsOfTheWindowNewestFirst() throws Exception {
        JsonNode json = json(call("/open311/v2/requests.json?" + window, 200));
        List<String> expected = rows.stream().filter(Row::published)
                .filter(r -> r.submitted().isAfter(rows.get(0).submitted().minus(89, ChronoUnit.DAYS))).map(Row::code).toList();
        List<String> got = new ArrayList<>();
        json.forEach(n -> got.add(n.get("service_request_id").asString()));
        assertThat(got).isNotEmpty().containsExactlyElementsOf(expected);
        JsonNode first = json.get(0);
        assertThat(first.get("status").asString()).isIn("open", "closed");
        assertThat(first.get("requested_datetime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00");
        assertThat(first.get("lat").isNumber()).isTrue();
        assertThat(first.get("long").isNumber()).isTrue();
    }

    @Test
    void confidentialReportsAndReportersNeverAppear() throws Exception {
        Row confidential = rows.stream().filter(Row::confidential).findFirst().orElseThrow();
        String all = new String(call("/open311/v2/requests.xml?" + window, 200).getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(all).doesNotContain(confidential.code());
        rows.stream().map(Row::reporterName).filter(n -> n != null && n.length() > 3).forEach(name -> assertThat(all).doesNotContain(name));
        assertThat(all).doesNotContain("@").doesNotContain("email").doesNotContain("phone");

        assertThat(json(call("/open311/v2/requests.json?service_request_id=" + confidential.code(), 200)).size()).isZero();
        call("/open311/v2/requests/" + confidential.code() + ".json", 404);
    }

    @Test
    void oneRequestByItsIdIsAListOfOneInXml() throws Exception {
        Row published = rows.stream().filter(Row::published).findFirst().orElseThrow();
        Document xml = xml(call("/open311/v2/requests/" + published.code() + ".xml", 200));
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_requests");
        Element request = (Element) xml.getElementsByTagName("request").item(0);
        assertThat(text(request, "service_request_id")).isEqualTo(published.code());
        assertThat(text(request, "status")).isEqualTo(List.of("RESOLVED", "CLOSED").contains(published.status()) ? "closed" : "open");
        for (String field : List.of("status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
                "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url")) {
            assertThat(request.getElementsByTagName(field).getLength()).as(field).isEqualTo(1);
        }
    }

    @Test
    void theStatusFilterKeepsOnlyClosedOrOnlyOpenReports() throws Exception {
        JsonNode closed = json(call("/open311/v2/requests.json?status=closed&" + window, 200));
        JsonNode open = json(call("/open311/v2/requests.json?status=open&" + window, 200));
        JsonNode both = json(call("/open311/v2/requests.json?status=open,closed&" + window, 200));
        closed.forEach(n -> assertThat(n.get("status").asString()).isEqualTo("closed"));
        open.forEach(n -> assertThat(n.get("status").asString()).isEqualTo("open"));
        assertThat(closed.size()).isPositive();
        assertThat(open.size()).isPositive();
        assertThat(closed.size() + open.size()).isEqualTo(both.size());
    }

    @Test
    void pagesSplitTheListWithoutOverlap() throws Exception {
        JsonNode all = json(call("/open311/v2/requests.json?" + window, 200));
        JsonNode page1 = json(call("/open311/v2/requests.json?page_size=2&page=1&" + window, 200));
        JsonNode page2 = json(call("/open311/v2/requests.json?page_size=2&page=2&" + window, 200));
        JsonNode offset = json(call("/open311/v2/requests.json?limit=1&offset=3&" + window, 200));
        assertThat(page1.size()).isEqualTo(2);
        assertThat(page2.get(0).get("service_request_id")).isEqualTo(all.get(2).get("service_request_id"));
        assertThat(offset.size()).isEqualTo(1);
        assertThat(offset.get(0).get("service_request_id")).isEqualTo(all.get(3).get("service_request_id"));
    }

    @Test
    void badDatesSpansStatusesAndNumbersAre400ErrorsInTheRequestedFormat() throws Exception {
        for (String query : List.of("start_date=kemarin", "end_date=2026-01-05", "start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
                "start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z", "status=selesai", "page=0", "page_size=banyak", "offset=-1", "page=3000000&page_size=1000")) {
            JsonNode errors = json(call("/open311/v2/requests.json?" + query, 400));
            assertThat(errors.get(0).get("code").asInt()).as(query).isEqualTo(400);
            assertThat(errors.get(0).get("description").asString()).as(query).isNotBlank();
        }
        Document xml = xml(call("/open311/v2/requests.xml?status=selesai", 400));
        assertThat(texts(xml.getDocumentElement(), "description").get(0)).contains("selesai");
    }

    @Test
    void anEmptyArgumentCountsAsNoArgument() throws Exception {
        JsonNode json = json(call("/open311/v2/requests.json?status=&service_code=&" + window, 200));
        assertThat(json.size()).isEqualTo(json(call("/open311/v2/requests.json?" + window, 200)).size());
    }

    @Test
    void withExtensionsEachRequestCarriesItsDetailedStatusChannelPhotosAndPublicHistory() throws Exception {
        JsonNode json = json(call("/open311/v2/requests.json?extensions=true&" + window, 200));
        assertThat(json.size()).isPositive();
        boolean someHistory = false;
        for (JsonNode n : json) {
            JsonNode ext = n.get("extended_attributes");
            assertThat(ext.get("channel").asString()).isNotBlank();
            assertThat(ext.get("detailed_status").asString()).isIn("RECEIVED", "IN_PROCESS", "PROCESSED", "ARCHIVED");
            assertThat(ext.get("kelurahan_code").asString()).startsWith("33.77.");
            assertThat(ext.get("votes").isInt()).isTrue();
            assertThat(ext.get("media_urls").isArray()).isTrue();
            assertThat(n.get("status").asString()).isEqualTo(
                    List.of("PROCESSED", "ARCHIVED").contains(ext.get("detailed_status").asString()) ? "closed" : "open");
            someHistory |= n.get("notes").size() > 0;
            n.get("notes").forEach(note -> assertThat(note.get("type").asString()).isIn("status_change", "note"));
        }
        assertThat(someHistory).isTrue();
        Document xml = xml(call("/open311/v2/requests.xml?extensions=true&" + window, 200));
        assertThat(xml.getElementsByTagName("extended_attributes").getLength()).isEqualTo(json.size());
        assertThat(json(call("/open311/v2/requests.json?" + window, 200)).get(0).has("extended_attributes")).isFalse();
    }

    @Test
    void citySdkFiltersNarrowTheList() throws Exception {
        JsonNode archived = json(call("/open311/v2/requests.json?detailed_status=ARCHIVED&extensions=true&" + window, 200));
        assertThat(archived.size()).isPositive();
        archived.forEach(n -> assertThat(n.get("extended_attributes").get("detailed_status").asString()).isEqualTo("ARCHIVED"));

        JsonNode all = json(call("/open311/v2/requests.json?" + window, 200));
        JsonNode first = all.get(0);
        JsonNode near = json(call("/open311/v2/requests.json?lat=" + first.get("lat").asDouble() + "&long=" + first.get("long").asDouble()
                + "&radius=30&" + window, 200));
        List<String> nearCodes = new ArrayList<>();
        near.forEach(n -> nearCodes.add(n.get("service_request_id").asString()));
        assertThat(nearCodes).contains(first.get("service_request_id").asString()).hasSizeLessThan(all.size());
        assertThat(json(call("/open311/v2/requests.json?lat=-7.9&long=111.5&radius=100&" + window, 200)).size()).isZero();

        String agency = first.get("agency_responsible").isNull() ? null : first.get("agency_responsible").asString();
        if (agency != null) {
            JsonNode byAgency = json(call("/open311/v2/requests.json?agency_responsible=" + java.net.URLEncoder.encode(agency, java.nio.charset.StandardCharsets.UTF_8) + "&" + window, 200));
            byAgency.forEach(n -> assertThat(n.get("agency_responsible").asString()).isEqualTo(agency));
        }
        // a plain word: MockMvc encodes the path again, so an escaped # or % would not arrive as typed
        String word = java.util.Arrays.stream(first.get("description").asString().split("[^A-Za-z]+"))
                .filter(w -> w.length() >= 4).findFirst().orElseThrow();
        JsonNode byKeyword = json(call("/open311/v2/requests.json?keyword=" + java.net.URLEncoder.encode(word, java.nio.charset.StandardCharsets.UTF_8) + "&" + window, 200));
        assertThat(byKeyword.size()).isPositive();
        byKeyword.forEach(n -> assertThat(n.get("description").asString().toLowerCase()).contains(word.toLowerCase()));
    }

    @Test
    void aBboxInGeoJsonOrderKeepsTheReportsInsideIt() throws Exception {
        JsonNode all = json(call("/open311/v2/requests.json?" + window, 200));
        JsonNode first = all.get(0);
        double lat = first.get("lat").asDouble(), lon = first.get("long").asDouble();
        String box = (lon - 0.0005) + "," + (lat - 0.0005) + "," + (lon + 0.0005) + "," + (lat + 0.0005);
        JsonNode inside = json(call("/open311/v2/requests.json?bbox=" + box + "&" + window, 200));
        List<String> codes = new ArrayList<>();
        inside.forEach(n -> {
            codes.add(n.get("service_request_id").asString());
            assertThat(n.get("lat").asDouble()).isBetween(lat - 0.0005, lat + 0.0005);
            assertThat(n.get("long").asDouble()).isBetween(lon - 0.0005, lon + 0.0005);
        });
        assertThat(codes).contains(first.get("service_request_id").asString()).hasSizeLessThan(all.size());
        // latitude first: refused with the order spelled out, in the requested format
        String swapped = (lat - 0.01) + "," + (lon - 0.01) + "," + (lat + 0.01) + "," + (lon + 0.01);
        assertThat(json(call("/open311/v2/requests.json?bbox=" + swapped, 400)).get(0).get("description").asString()).contains("bujur barat");
        assertThat(text(xml(call("/open311/v2/requests.xml?bbox=1,2,3", 400)).getDocumentElement(), "code")).isEqualTo("400");
        call("/open311/v2/requests.json?bbox=110.5,-7,110.4,-6.9", 400);
    }

    @Test
    void aJurisdictionIdMustNameThisCity() throws Exception {
        // the tests' public address is http://localhost:8080
        assertThat(json(call("/open311/v2/requests.json?jurisdiction_id=localhost&" + window, 200)).size()).isPositive();
        call("/open311/v2/services.xml?jurisdiction_id=", 200);
        JsonNode elsewhere = json(call("/open311/v2/services.json?jurisdiction_id=kota-lain.go.id", 404));
        assertThat(elsewhere.get(0).get("code").asInt()).isEqualTo(404);
        assertThat(elsewhere.get(0).get("description").asString()).contains("kota-lain.go.id", "localhost");
        assertThat(text(xml(call("/open311/v2/discovery.xml?jurisdiction_id=kota-lain.go.id", 404)).getDocumentElement(), "code")).isEqualTo("404");
    }

    @Test
    void refusalsBeforeAnyControllerAreInTheSpecsShapeToo() throws Exception {
        JsonNode unknownPath = json(call("/open311/v2/tidak-ada.json", 404));
        assertThat(unknownPath.get(0).get("code").asInt()).isEqualTo(404);
        assertThat(unknownPath.get(0).get("description").asString()).contains("discovery");
        MockHttpServletResponse wrongMethod = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/open311/v2/requests.xml")).andReturn().getResponse();
        assertThat(wrongMethod.getStatus()).isEqualTo(405);
        assertThat(wrongMethod.getContentType()).startsWith("text/xml");
        assertThat(text(xml(wrongMethod).getDocumentElement(), "code")).isEqualTo("405");
        // the published documents are still served as they are
        assertThat(call("/open311/v2/openapi.json", 200).getContentAsString()).contains("\"openapi\"");
    }

    @Test
    void pollingByUpdatedAfterLooksBeyondTheDefaultWindow() throws Exception {
        Instant oldest = rows.get(rows.size() - 1).submitted();
        String after = oldest.minusSeconds(1).atOffset(ZoneOffset.UTC).toString();
        JsonNode changed = json(call("/open311/v2/requests.json?updated_after=" + after, 200));
        assertThat(changed.size()).isEqualTo((int) rows.stream().filter(Row::published).count());
        String future = Instant.now().plusSeconds(3600).atOffset(ZoneOffset.UTC).toString();
        assertThat(json(call("/open311/v2/requests.json?updated_after=" + future, 200)).size()).isZero();
        call("/open311/v2/requests.json?detailed_status=SELESAI", 400);
        call("/open311/v2/requests.json?lat=-6.9", 400);
        call("/open311/v2/requests.json?lat=-6.9&long=110.1&radius=abc", 400);
    }

    private MockHttpServletResponse call(String path, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(status);
        return response;
    }
}
