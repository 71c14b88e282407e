package id.balai.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.balai.identity.AdminAudit;
import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.support.CityAdminOnly;
import id.balai.support.TestImages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** The city admin publishes a dataset and its files; they appear for people and for CKAN harvesters. */
@SpringBootTest
@AutoConfigureMockMvc
class OpenDataAdminWebTest {

    static final byte[] CSV = "kecamatan,puskesmas\r\nAstina Barat,3\r\nAstina Timur,2\r\n".getBytes(StandardCharsets.UTF_8);

    @Autowired MockMvc mvc;
    @Autowired StaffDirectory staff;
    @Autowired JdbcClient jdbc;
    @Autowired AdminAudit audit;

    StaffPrincipal admin;

    @BeforeEach
    void signIn() {
        admin = staff.byUsername("admin").orElseThrow();
    }

    @Test
    void aPublishedDatasetWithAFileReachesThePublicPageAndCkan() throws Exception {
        MockHttpServletResponse created = perform(post("/admin/data").param("title", "Puskesmas per kecamatan <b>2026</b>")
                .param("description", "Jumlah puskesmas di setiap kecamatan.").param("licenceId", "cc-by").param("frequency", "tahunan")
                .param("tags", "kesehatan, puskesmas").param("kodeWilayah", "33.74").with(user(admin)).with(csrf()), 302);
        assertThat(created.getRedirectedUrl()).isEqualTo("/admin/data/puskesmas-per-kecamatan-b-2026-b");
        String slug = "puskesmas-per-kecamatan-b-2026-b";

        perform(multipart("/admin/data/{s}/berkas", slug).file(new MockMultipartFile("file", "data.csv", "text/csv", CSV))
                .param("name", "Data 2026").with(user(admin)).with(csrf()), 302);
        String page = perform(get("/data/{s}", slug), 200).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Puskesmas per kecamatan &lt;b&gt;2026&lt;/b&gt;").doesNotContain("<b>2026</b>").contains("Data 2026 (CSV)");

        JsonNode pkg = OpenDataTest.JSON.readTree(perform(get("/api/3/action/package_show").param("id", slug), 200).getContentAsByteArray())
                .get("result");
        assertThat(pkg.get("tags").size()).isEqualTo(2);
        assertThat(pkg.get("extras").toString()).contains("kode_wilayah", "33.74");
        JsonNode resource = pkg.get("resources").get(0);
        assertThat(resource.get("format").asString()).isEqualTo("CSV");
        String path = resource.get("url").asString().replaceFirst("^https?://[^/]+", "");
        MockHttpServletResponse download = perform(get(path), 200);
        assertThat(download.getContentAsByteArray()).isEqualTo(CSV);
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(audit.latest(5)).extracting(AdminAudit.Entry::action).contains("dataset.created", "dataset.file-added");

        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        perform(post("/admin/data/{s}/berkas/{id}/hapus", slug, id).with(user(admin)).with(csrf()), 302);
        perform(get(path), 404);
    }

    @Test
    void filesAreJudgedByTheirContentAndBadInputStoresNothing() throws Exception {
        long datasetsBefore = count("open_dataset");
        String refused = perform(post("/admin/data").param("title", "ab").param("description", "pendek").param("licenceId", "bebas")
                .param("frequency", "kadang").param("agencyId", "999999").param("kodeWilayah", "abc").with(user(admin)).with(csrf()), 422)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Judul 3 sampai 200 karakter", "Keterangan 10 sampai 4000", "Pilih lisensi", "Pilih OPD",
                "Kode wilayah berbentuk angka");
        assertThat(count("open_dataset")).isEqualTo(datasetsBefore);

        long filesBefore = count("open_resource");
        String png = perform(multipart("/admin/data/statistik-aduan/berkas")
                .file(new MockMultipartFile("file", "data.csv", "text/csv", TestImages.png(20, 20))).param("name", "Gambar")
                .with(user(admin)).with(csrf()), 422).getContentAsString(StandardCharsets.UTF_8);
        assertThat(png).contains("bukan CSV (teks UTF-8) atau JSON yang sah").contains("value=\"Gambar\"");
        perform(multipart("/admin/data/statistik-aduan/berkas").file(new MockMultipartFile("file", "data.json", "application/json",
                "{\"a\": [1, 2".getBytes(StandardCharsets.UTF_8))).param("name", "Rusak").with(user(admin)).with(csrf()), 422);
        perform(multipart("/admin/data/statistik-aduan/berkas").param("name", "Tanpa berkas").with(user(admin)).with(csrf()), 422);
        perform(multipart("/admin/data/statistik-aduan/berkas").file(new MockMultipartFile("file", "ok.json", "application/json",
                "[{\"a\": 1}]".getBytes(StandardCharsets.UTF_8))).param("name", " ").with(user(admin)).with(csrf()), 422);
        assertThat(count("open_resource")).isEqualTo(filesBefore);
        perform(post("/admin/data/statistik-aduan/berkas/999999/hapus").with(user(admin)).with(csrf()), 302);
        perform(get("/admin/data/tidak-ada").with(user(admin)), 404);
    }

    @Test
    void aDatasetsDescriptionIsEditedAndASecondAdminIsToldInsteadOfOverwriting() throws Exception {
        String slug = perform(post("/admin/data").param("title", "Jumlah posyandu per kelurahan").param("description", "Posyandu aktif menurut data kelurahan.")
                .param("licenceId", "cc-by").param("frequency", "tahunan").with(user(admin)).with(csrf()), 302).getRedirectedUrl()
                .replace("/admin/data/", "");
        String edit = perform(get("/admin/data/{s}", slug).with(user(admin)), 200).getContentAsString(StandardCharsets.UTF_8);
        assertThat(edit).contains("Ubah keterangan data", "name=\"version\" value=\"1\"");
        perform(post("/admin/data/{s}/ubah", slug).param("version", "1").param("title", "Jumlah posyandu aktif per kelurahan")
                .param("description", "Posyandu aktif menurut laporan kelurahan, diperbarui setiap tahun.").param("licenceId", "cc-by-sa")
                .param("frequency", "tahunan").param("tags", "kesehatan, posyandu").with(user(admin)).with(csrf()), 302);
        String late = perform(post("/admin/data/{s}/ubah", slug).param("version", "1").param("title", "Judul dari admin kedua")
                .param("description", "Keterangan dari admin kedua yang terlambat.").param("licenceId", "cc-by").param("frequency", "harian")
                .with(user(admin)).with(csrf()), 409).getContentAsString(StandardCharsets.UTF_8);
        assertThat(late).contains("Orang lain menyimpan", "Judul dari admin kedua", "Jumlah posyandu aktif per kelurahan");
        perform(post("/admin/data/{s}/ubah", slug).param("version", "2").param("title", "x").param("description", "pendek")
                .param("licenceId", "bebas").param("frequency", "harian").with(user(admin)).with(csrf()), 422);
        JsonNode pkg = OpenDataTest.JSON.readTree(perform(get("/api/3/action/package_show").param("id", slug), 200).getContentAsByteArray())
                .get("result");
        assertThat(pkg.get("title").asString()).isEqualTo("Jumlah posyandu aktif per kelurahan");
        assertThat(pkg.get("license_id").asString()).isEqualTo("cc-by-sa");
        assertThat(pkg.get("name").asString()).as("the address stays").isEqualTo(slug);
    }

    @Test
    void onlyTheCityAdminPublishes() throws Exception {
        long before = count("open_dataset");
        List<Supplier<MockHttpServletRequestBuilder>> requests = List.of(
                () -> get("/admin/data"),
                () -> post("/admin/data").param("title", "Penyusup").param("description", "Data dari orang yang tidak berhak.")
                        .param("licenceId", "cc-by").param("frequency", "harian"),
                () -> post("/admin/data/statistik-aduan/berkas").param("name", "Penyusup"),
                () -> post("/admin/data/statistik-aduan/berkas/1/hapus"),
                () -> post("/admin/data/statistik-aduan/ubah").param("version", "1").param("title", "Penyusup"));
        CityAdminOnly.check(mvc, staff, requests);
        assertThat(count("open_dataset")).isEqualTo(before);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private MockHttpServletResponse perform(org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request, int status)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response;
    }
}
