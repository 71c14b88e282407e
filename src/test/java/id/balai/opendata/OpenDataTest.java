package id.balai.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The open-data catalogue as a CKAN harvester and a person read it, with the report statistics as a dataset. */
@SpringBootTest
@AutoConfigureMockMvc
class OpenDataTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ReportStatisticsFiles statistics;

    @Test
    void aCkanHarvesterListsShowsAndSearchesTheCatalogueInCkansEnvelope() throws Exception {
        JsonNode list = ckan("package_list", 200);
        assertThat(list.get("success").asBoolean()).isTrue();
        assertThat(list.get("help").asString()).contains("/api/3/action/help_show?name=package_list");
        assertThat(names(list.get("result"))).contains("statistik-aduan");

        JsonNode pkg = ckan("package_show?id=statistik-aduan", 200).get("result");
        assertThat(pkg.get("name").asString()).isEqualTo("statistik-aduan");
        assertThat(pkg.get("title").asString()).isEqualTo("Statistik aduan warga");
        assertThat(pkg.get("license_id").asString()).isEqualTo("cc-by");
        assertThat(pkg.get("organization").get("name").asString()).isEqualTo("pemerintah-daerah");
        assertThat(pkg.get("metadata_modified").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(pkg.get("num_resources").asInt()).isEqualTo(2);
        List<String> formats = new ArrayList<>();
        for (JsonNode r : pkg.get("resources")) {
            formats.add(r.get("format").asString());
            String path = r.get("url").asString().replaceFirst("^https?://[^/]+", "");
            MockHttpServletResponse file = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(file.getStatus()).as(path).isEqualTo(200);
            assertThat(file.getContentType()).startsWith(r.get("mimetype").asString());
        }
        assertThat(formats).containsExactly("CSV", "JSON");

        // other tests in the same context may publish datasets too: look for this one
        JsonNode found = ckan("package_search?q=warga", 200).get("result");
        assertThat(found.get("count").asInt()).isPositive().isEqualTo(found.get("results").size());
        assertThat(names(found.get("results"), "name")).contains("statistik-aduan");
        assertThat(ckan("package_search?q=tidak-ada-kata-ini", 200).get("result").get("count").asInt()).isZero();
        assertThat(names(ckan("package_search?fq=organization:pemerintah-daerah&rows=1000", 200).get("result").get("results"), "name"))
                .contains("statistik-aduan");
        assertThat(ckan("package_search?fq=organization:tidak-ada", 200).get("result").get("count").asInt()).isZero();
        assertThat(names(ckan("package_search?fq=-organization:pemerintah-daerah&rows=1000", 200).get("result").get("results"), "name"))
                .doesNotContain("statistik-aduan");
        assertThat(names(ckanWith("package_search", "fq", "organization:lain OR organization:pemerintah-daerah").get("result")
                .get("results"), "name")).contains("statistik-aduan");
        assertThat(ckanWith("package_search", "q", "warga aduan").get("result").get("count").asInt()).isPositive();
        assertThat(ckanWith("package_search", "q", "warga zzz").get("result").get("count").asInt()).as("every word must match").isZero();

        JsonNode organisations = ckan("organization_list", 200).get("result");
        assertThat(names(organisations)).contains("pemerintah-daerah").hasSizeGreaterThan(1);
        JsonNode full = ckan("organization_list?all_fields=true", 200).get("result");
        assertThat(full.get(0).get("is_organization").asBoolean()).isTrue();
        assertThat(full.get(0).get("package_count").asInt()).isPositive();
    }

    @Test
    void ckanClientsMayPostTheirCallsAsCkanapiDoes() throws Exception {
        MockHttpServletResponse json = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/3/action/package_show")
                .contentType("application/json").content("{\"id\": \"statistik-aduan\"}")).andReturn().getResponse();
        assertThat(json.getStatus()).as("no CSRF token, no session: %s", json.getContentAsString()).isEqualTo(200);
        assertThat(JSON.readTree(json.getContentAsByteArray()).get("result").get("name").asString()).isEqualTo("statistik-aduan");
        assertThat(json.getCookie("JSESSIONID")).isNull();
        MockHttpServletResponse form = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/3/action/package_search")
                .param("q", "warga")).andReturn().getResponse();
        assertThat(JSON.readTree(form.getContentAsByteArray()).get("result").get("count").asInt()).isPositive();
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/3/action/package_show")
                .contentType("application/json").content("{rusak")).andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(ckan("help_show?name=package_search", 200).get("result").asString()).contains("fq");
    }

    @Test
    void mistakesGetCkansErrorsWithNothingElse() throws Exception {
        JsonNode missing = ckan("package_show?id=tidak-ada", 404);
        assertThat(missing.get("success").asBoolean()).isFalse();
        assertThat(missing.get("error").get("__type").asString()).isEqualTo("Not Found Error");
        JsonNode rows = ckan("package_search?rows=banyak", 409);
        assertThat(rows.get("error").get("__type").asString()).isEqualTo("Validation Error");
        assertThat(rows.get("error").get("rows").get(0).asString()).isEqualTo("Invalid integer");
        assertThat(ckan("hapus_semua", 400).get("success").asBoolean()).isFalse();
        assertThat(mvc.perform(get("/data/statistik-aduan/rahasia.csv")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/data/tidak-ada")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theStatisticsCountEveryReportButConfidentialOnesByMonthCategoryAndKelurahan() throws Exception {
        statistics.refresh(); // other tests in this context may have filed reports since the files were made
        String csv = mvc.perform(get("/data/statistik-aduan/aduan-per-bulan.csv")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("bulan,kode_kategori,kategori,kode_kelurahan,kelurahan,diterima,publik,selesai");
        long published = 0, resolved = 0, shown = 0, publishedInSuppressed = 0;
        int suppressed = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            assertThat(cells[0]).matches("\\d{4}-\\d\\d");
            long p = Long.parseLong(cells[cells.length - 2]);
            published += p;
            resolved += Long.parseLong(cells[cells.length - 1]);
            String received = cells[cells.length - 3];
            if (received.isEmpty()) { // one or two reports the public never saw: left out
                suppressed++;
                publishedInSuppressed += p;
            }
            else {
                assertThat(Long.parseLong(received)).isGreaterThanOrEqualTo(p);
                shown += Long.parseLong(received);
            }
        }
        assertThat(count("confidential = true")).as("the demo city has confidential reports to leave out").isPositive();
        assertThat(published).isEqualTo(count("confidential = false and published = true"));
        assertThat(resolved).isEqualTo(count("confidential = false and published = true and status in ('RESOLVED', 'CLOSED')"));
        assertThat(shown).isPositive().isLessThanOrEqualTo(count("confidential = false"));
        // each left-out cell hides one or two reports the public never saw, besides its public ones
        long hidden = count("confidential = false") - shown - publishedInSuppressed;
        assertThat(hidden).isBetween((long) suppressed, 2L * suppressed);

        JsonNode json = JSON.readTree(mvc.perform(get("/data/statistik-aduan/aduan-per-bulan.json")).andReturn().getResponse().getContentAsByteArray());
        assertThat(json.size()).isEqualTo(lines.length - 1);
        long jsonShown = 0;
        for (JsonNode row : json) if (!row.get("diterima").isNull()) jsonShown += row.get("diterima").asLong();
        assertThat(jsonShown).isEqualTo(shown);
    }

    @Test
    void peopleFindTheDatasetAndItsFilesWithoutJavaScript() throws Exception {
        String catalogue = mvc.perform(get("/data")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(catalogue).contains("Data terbuka", "Statistik aduan warga", "/data/statistik-aduan");
        String page = mvc.perform(get("/data/statistik-aduan")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("aduan-per-bulan.csv", "aduan-per-bulan.json", "Creative Commons Attribution", "Pemerintah daerah");
    }

    @Test
    void aCsvCellThatLooksLikeAFormulaIsDefused() {
        assertThat(id.balai.platform.CsvCells.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(id.balai.platform.CsvCells.cell("Jl. A, No. 1")).isEqualTo("\"Jl. A, No. 1\"");
        assertThat(id.balai.platform.CsvCells.cell("Banjir")).isEqualTo("Banjir");
        assertThat(id.balai.platform.CsvCells.cell("  =1+1")).isEqualTo("'  =1+1");
        assertThat(id.balai.platform.CsvCells.cell("a;b")).isEqualTo("\"a;b\"");
    }

    private long count(String where) {
        return jdbc.sql("select count(*) from report where " + where).query(Long.class).single();
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        for (JsonNode n : array) names.add(n.get(field).asString());
        return names;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        for (JsonNode n : array) names.add(n.asString());
        return names;
    }

    private JsonNode ckanWith(String action, String name, String value) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/3/action/" + action).param(name, value).param("rows", "1000"))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return JSON.readTree(response.getContentAsByteArray());
    }

    private JsonNode ckan(String action, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/3/action/" + action)).andReturn().getResponse();
        assertThat(response.getStatus()).as(action + ": " + response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/json");
        return JSON.readTree(response.getContentAsByteArray());
    }
}
