package id.balai.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.balai.identity.StaffDirectory;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Regions;
import id.balai.reports.domain.Categories;
import id.balai.reports.domain.Report;
import id.balai.reports.domain.ReportSubmission;
import id.balai.reports.domain.ResponseTemplates;
import id.balai.reports.domain.ResponseTemplates.ResponseTemplate;
import id.balai.reports.domain.SubmissionForm;
import id.balai.support.CityAdminOnly;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The city admin keeps the response templates at {@code /admin/templat}: the staff report page offers a
 * change at once, to the right OPD only; bad input is explained with 422 and stores nothing; nobody but
 * the city admin may see or change them. The context is dropped afterwards so that other test classes
 * see the demo templates unchanged.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class ResponseTemplateAdminWebTest {

    @Autowired MockMvc mvc;
    @Autowired ResponseTemplates templates;
    @Autowired Regions regions;
    @Autowired Categories categories;
    @Autowired ReportSubmission submission;
    @Autowired StaffDirectory staff;

    @Test
    void theListShowsTheDemoTemplatesSharedOnesFirstAndTheInboxLinksToIt() throws Exception {
        String html = page(get("/admin/templat"));
        assertThat(html).contains("Templat jawaban", "Untuk semua OPD", "Petugas dijadwalkan", "Jadwal angkut sampah",
                "Penambalan jalan", "/admin/templat/baru");
        assertThat(html.indexOf("Petugas dijadwalkan")).isLessThan(html.indexOf("Jadwal angkut sampah"));
        assertThat(html.indexOf("Untuk semua OPD")).isLessThan(html.indexOf("DLH"));
        assertThat(page(get("/admin/templat/baru"))).contains("name=\"title\"", "name=\"body\"", "name=\"agencyId\"", "name=\"_csrf\"");
        assertThat(page(get("/staf"))).contains("href=\"/admin/templat\"", "href=\"/admin/kategori\"");
        assertThat(page(get("/admin/templat").param("lang", "en"))).contains("Response templates", "For all agencies");
    }

    @Test
    void anAddedTemplateIsOfferedToItsOpdEditedMovesAndDeletedIsGone() throws Exception {
        Report report = dlhReport();
        mvc.perform(post("/admin/templat").params(form(agency("DLH"), "Sampah liar dibersihkan", "Tumpukan sampah liar sudah kami bersihkan."))
                        .with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/templat"))
                .andExpect(flash().attribute("flash", "flash.template.created"));
        ResponseTemplate created = byTitle("Sampah liar dibersihkan");
        assertThat(created.agencyId()).isEqualTo(agency("DLH"));
        assertThat(page(get("/admin/templat"))).contains("Sampah liar dibersihkan");
        assertThat(reportPage(report, "dlh")).contains("Sampah liar dibersihkan", "Petugas dijadwalkan");
        assertThat(reportPage(report, "koordinator")).doesNotContain("Sampah liar dibersihkan").contains("Petugas dijadwalkan");

        assertThat(page(get("/admin/templat/{id}", created.id()))).contains("Sampah liar dibersihkan", "Tumpukan sampah liar");
        mvc.perform(post("/admin/templat/{id}", created.id()).params(form(null, "Lokasi sudah bersih", "Lokasi sudah bersih kembali.\r\nTerima kasih."))
                        .with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "flash.template.saved"));
        assertThat(templates.byId(created.id())).contains(
                new ResponseTemplate(created.id(), null, "Lokasi sudah bersih", "Lokasi sudah bersih kembali.\nTerima kasih."));
        assertThat(reportPage(report, "koordinator")).contains("Lokasi sudah bersih").doesNotContain("Sampah liar dibersihkan");

        mvc.perform(post("/admin/templat/{id}", created.id()).params(form(agency("DPUPR"), "Lokasi sudah bersih", "Teks."))
                .with(admin()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(reportPage(report, "dlh")).doesNotContain("Lokasi sudah bersih");
        assertThat(reportPage(report, "koordinator")).doesNotContain("Lokasi sudah bersih");
        assertThat(templates.list(agency("DPUPR"))).extracting(ResponseTemplate::title).contains("Lokasi sudah bersih");

        mvc.perform(post("/admin/templat/{id}/hapus", created.id()).with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/templat"))
                .andExpect(flash().attribute("flash", "flash.template.deleted"));
        assertThat(templates.byId(created.id())).isEmpty();
        assertThat(page(get("/admin/templat"))).doesNotContain("Lokasi sudah bersih");
        mvc.perform(post("/admin/templat/{id}/hapus", created.id()).with(admin()).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/templat/{id}", created.id()).with(admin())).andExpect(status().isNotFound());
        mvc.perform(post("/admin/templat/{id}", created.id()).params(form(null, "Tidak ada", "Tidak ada."))
                .with(admin()).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void everyBadValueIsExplainedWith422KeepsWhatWasTypedAndStoresNothing() throws Exception {
        List<ResponseTemplate> before = templates.all();
        String html = reject(post("/admin/templat").params(form(null, "  ", "Teks yang diketik tetap ada.")));
        assertThat(html).contains("error-summary", "Tulis judul templat.", "href=\"#title\"", "Teks yang diketik tetap ada.");
        html = reject(post("/admin/templat").params(form(null, "x".repeat(121), "")));
        assertThat(html).contains("Judul templat paling banyak 120 huruf.", "Tulis teks balasan.", "value=\"" + "x".repeat(121) + "\"");
        html = reject(post("/admin/templat").params(form(null, "Judul", "y".repeat(2001))));
        assertThat(html).contains("Teks balasan paling banyak 2000 huruf.", "y".repeat(2001));
        html = reject(post("/admin/templat").params(form(999_999L, "Judul OPD tak dikenal", "Teks.")));
        assertThat(html).contains("Pilih OPD dari daftar", "href=\"#agencyId\"", "value=\"Judul OPD tak dikenal\"");
        var notANumber = form(null, "Judul", "Teks.");
        notANumber.set("agencyId", "DLH");
        assertThat(reject(post("/admin/templat").params(notANumber))).contains("Pilih OPD dari daftar");
        // an edit is checked the same way
        ResponseTemplate shared = before.stream().filter(t -> t.agencyId() == null).findFirst().orElseThrow();
        html = reject(post("/admin/templat/{id}", shared.id()).params(form(null, "", "")));
        assertThat(html).contains("Tulis judul templat.", "Tulis teks balasan.", "/admin/templat/" + shared.id());
        assertThat(reject(post("/admin/templat/{id}", shared.id()).params(form(999_999L, "Judul", "Teks.")))).contains("Pilih OPD dari daftar");
        assertThat(templates.all()).isEqualTo(before);
        mvc.perform(post("/admin/templat/{id}", 999_999).params(form(null, "", "")).with(admin()).with(csrf())).andExpect(status().isNotFound());

        // the limits are the stripped text: 120 and 2000 characters are fine, blanks around them too
        mvc.perform(post("/admin/templat").params(form(null, " " + "z".repeat(120) + " ", "w".repeat(2000))).with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        ResponseTemplate longest = byTitle("z".repeat(120));
        assertThat(longest.body()).hasSize(2000);
        templates.delete(longest.id());
    }

    @Test
    void onlyTheCityAdminMayReachTheTemplatePagesOrActions() throws Exception {
        List<ResponseTemplate> before = templates.all();
        long id = before.get(0).id();
        List<Supplier<MockHttpServletRequestBuilder>> requests = List.of(
                () -> get("/admin/templat"), () -> get("/admin/templat/baru"), () -> get("/admin/templat/{id}", id),
                () -> post("/admin/templat").params(form(null, "Dilarang", "Dilarang.")),
                () -> post("/admin/templat/{id}", id).params(form(null, "Dilarang", "Dilarang.")),
                () -> post("/admin/templat/{id}/hapus", id));
        CityAdminOnly.check(mvc, staff, requests);
        mvc.perform(post("/admin/templat").params(form(null, "Tanpa token", "Tanpa token.")).with(admin())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/templat/{id}/hapus", id).with(admin())).andExpect(status().isForbidden());
        assertThat(templates.all()).isEqualTo(before);
    }

    // --- helpers -------------------------------------------------------------------------------

    private RequestPostProcessor admin() {
        return as("admin");
    }

    private RequestPostProcessor as(String username) {
        return user(staff.byUsername(username).orElseThrow());
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(admin())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String reject(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(admin()).with(csrf())).andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
    }

    private String reportPage(Report report, String username) throws Exception {
        return mvc.perform(get("/staf/laporan/{c}", report.trackingCode()).with(as(username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** A rubbish report, verified by the complaint desk and so routed to DLH. */
    private Report dlhReport() throws Exception {
        String kelurahan = regions.kelurahans().get(2).code();
        GeoPoint point = regions.centreOf(kelurahan).orElseThrow();
        SubmissionForm form = new SubmissionForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        form.setCategoryId(categories.byCode("sampah").orElseThrow().id());
        form.setDescription("Laporan uji templat: sampah menumpuk di " + UUID.randomUUID());
        form.setLat(point.lat());
        form.setLon(point.lon());
        Report report = ((ReportSubmission.Saved) submission.submit(form)).report();
        mvc.perform(post("/staf/laporan/{c}/verifikasi", report.trackingCode()).with(as("koordinator")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        return report;
    }

    private ResponseTemplate byTitle(String title) {
        return templates.all().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }

    private long agency(String code) {
        return regions.agencyByCode(code).orElseThrow().id();
    }

    private static LinkedMultiValueMap<String, String> form(Long agencyId, String title, String body) {
        var form = new LinkedMultiValueMap<String, String>();
        form.set("agencyId", agencyId == null ? "" : String.valueOf(agencyId));
        form.set("title", title);
        form.set("body", body);
        return form;
    }
}
