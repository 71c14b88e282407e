package id.balai.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
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
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/** RSS, Atom, CSV and GeoJSON of public reports: what they hold, what they never hold, and bad filters. */
@SpringBootTest
@AutoConfigureMockMvc
class ReportFeedsTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void theRssFeedListsRecentlyChangedPublicReportsWithLinks() throws Exception {
        Document rss = Open311ServicesTest.xml(call("/laporan/feed.rss", 200, "application/rss+xml"));
        List<String> links = Open311ServicesTest.texts((Element) rss.getElementsByTagName("channel").item(0), "guid");
        assertThat(links).isNotEmpty().hasSizeLessThanOrEqualTo(ReportFeedsController.FEED_SIZE).allMatch(l -> l.contains("/laporan/"));
        Set<String> published = published();
        links.forEach(l -> assertThat(published).contains(l.substring(l.lastIndexOf('/') + 1)));
    }

    @Test
    void theAtomFeedOfOneCategoryHoldsOnlyThatCategory() throws Exception {
        Document atom = Open311ServicesTest.xml(call("/laporan/feed.atom?kategori=banjir", 200, "application/atom+xml"));
        assertThat(atom.getDocumentElement().getTagName()).isEqualTo("feed");
        List<String> ids = Open311ServicesTest.texts(atom.getDocumentElement(), "id");
        Set<String> floods = new HashSet<>(jdbc.sql("""
                select r.tracking_code from report r join report_category c on c.id = r.category_id
                where c.code = 'banjir' and r.published = true""").query(String.class).list());
        assertThat(ids.subList(1, ids.size())).isNotEmpty().allMatch(id -> floods.contains(id.substring(id.lastIndexOf('/') + 1)));
    }

    @Test
    void theCsvExportHoldsEveryPublicReportAndDefusesFormulas() throws Exception {
        String code = jdbc.sql("select tracking_code from report where published = true order by id limit 1").query(String.class).single();
        String before = jdbc.sql("select public_description from report where tracking_code = :c").param("c", code).query(String.class).optional().orElse(null);
        jdbc.sql("update report set public_description = :t where tracking_code = :c")
                .param("t", "=HYPERLINK(\"http://jahat.example\",\"klik\"), lalu \"kutip\"").param("c", code).update();
        try {
            MockHttpServletResponse response = call("/laporan/ekspor.csv", 200, "text/csv");
            assertThat(response.getHeader("Content-Disposition")).contains("attachment");
            String csv = response.getContentAsString(StandardCharsets.UTF_8);
            List<String> lines = csv.lines().toList();
            assertThat(lines.get(0)).startsWith("kode,status,kategori");
            assertThat(lines).hasSize(published().size() + 1);
            assertThat(csv).contains("\"'=HYPERLINK(\"\"http://jahat.example\"\",\"\"klik\"\"), lalu \"\"kutip\"\"\"");
            assertThat(csv).doesNotContain("@example.org");
        } finally {
            jdbc.sql("update report set public_description = :t where tracking_code = :c").param("t", before).param("c", code).update();
        }
    }

    @Test
    void theGeoJsonExportOfOneKelurahanIsAFeatureCollectionOfItsReports() throws Exception {
        String kelurahan = jdbc.sql("select kelurahan_code from report where published = true group by kelurahan_code order by count(*) desc limit 1")
                .query(String.class).single();
        JsonNode geo = Open311ServicesTest.JSON.readTree(call("/laporan/ekspor.geojson?kelurahan=" + kelurahan, 200, "application/geo+json")
                .getContentAsByteArray());
        assertThat(geo.get("type").asString()).isEqualTo("FeatureCollection");
        long expected = jdbc.sql("select count(*) from report where published = true and kelurahan_code = :k").param("k", kelurahan)
                .query(Long.class).single();
        assertThat(geo.get("features").size()).isEqualTo((int) expected).isPositive();
        JsonNode first = geo.get("features").get(0);
        assertThat(first.get("geometry").get("coordinates").get(0).asDouble()).isBetween(110.0, 110.3); // longitude first
        assertThat(first.get("properties").get("kelurahan_kode").asString()).isEqualTo(kelurahan);
        assertThat(first.get("properties").has("email")).isFalse();
    }

    @Test
    void unknownFiltersAndBadDatesAreExplained() throws Exception {
        assertThat(call("/laporan/feed.rss?kategori=tidak-ada", 400, "text/plain").getContentAsString()).contains("tidak-ada");
        assertThat(call("/laporan/ekspor.csv?kelurahan=99.99", 400, "text/plain").getContentAsString()).contains("99.99");
        assertThat(call("/laporan/ekspor.geojson?dari=kemarin", 400, "text/plain").getContentAsString()).contains("2026-11-24");
        String empty = call("/laporan/ekspor.csv?dari=2001-01-01&sampai=2001-01-31", 200, "text/csv").getContentAsString();
        assertThat(empty.lines().count()).isEqualTo(1);
    }

    @Test
    void aThirdExportWhileTwoAreRunningIsAskedToComeBackLater(@Autowired ReportFeedsController feeds) throws Exception {
        feeds.exports.acquire(ReportFeedsController.PARALLEL_EXPORTS);
        try {
            MockHttpServletResponse busy = call("/laporan/ekspor.csv", 503, "text/plain");
            assertThat(busy.getHeader("Retry-After")).isEqualTo("30");
        } finally {
            feeds.exports.release(ReportFeedsController.PARALLEL_EXPORTS);
        }
        call("/laporan/ekspor.geojson", 200, "application/geo+json");
        assertThat(feeds.exports.availablePermits()).isEqualTo(ReportFeedsController.PARALLEL_EXPORTS);
    }

    private Set<String> published() {
        return new HashSet<>(jdbc.sql("select tracking_code from report where published = true").query(String.class).list());
    }

    private MockHttpServletResponse call(String path, int status, String type) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith(type);
        return response;
    }
}
