package id.balai.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.balai.organisation.GeoPoint;
import id.balai.organisation.Region;
import id.balai.organisation.Regions;
import id.balai.reports.ReportStatus;
import id.balai.reports.domain.Categories;
import id.balai.reports.domain.Category;
import id.balai.reports.domain.Report;
import id.balai.reports.domain.Reports;
import id.balai.support.TestImages;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The citizen's report form and tracking pages, including every bad input the form must survive. */
@SpringBootTest
@AutoConfigureMockMvc
class CitizenReportWebTest {

    @Autowired MockMvc mvc;
    @Autowired Reports reports;
    @Autowired Categories categories;
    @Autowired Regions regions;
    @Autowired id.balai.reports.domain.ReportWorkflow workflow;
    @Autowired id.balai.identity.StaffDirectory staff;

    Category rubbish;
    Category flood;
    Region kelurahan;
    GeoPoint inside;

    @BeforeEach
    void demoCity() {
        rubbish = categories.byCode("sampah").orElseThrow();
        flood = categories.byCode("banjir").orElseThrow();
        kelurahan = regions.kelurahans().get(3);
        inside = regions.centreOf(kelurahan.code()).orElseThrow();
    }

    @Test
    void theFormOffersEveryCategoryAndKelurahanWithAFreshSubmissionKey() throws Exception {
        String html = mvc.perform(get("/laporan/baru")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("#sampahastina", "#banjirastina", kelurahan.name(),
                "name=\"submissionKey\"", "name=\"_csrf\"");
        assertThat(html).contains("Laporkan masalah");
    }

    @Test
    void theFormsTextFieldsAreParsedInMemoryAndOnlyLargeFilesGoToDisk(@Autowired MultipartConfigElement multipart) {
        // MockMvc does not parse multipart bodies the way Tomcat does, so the setting itself is checked:
        // with a threshold of 0 every text field of a real form post became a temporary file.
        assertThat(multipart.getFileSizeThreshold()).isBetween(16 * 1024, 256 * 1024);
        assertThat(multipart.getMaxFileSize()).isEqualTo(12L * 1024 * 1024);
    }

    @Test
    void aFormCannotPretendToComeFromAnotherChannel() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(report(key).param("categoryId", id(rubbish)).param("channel", "OPEN311")
                        .param("description", "Tumpukan sampah di depan pasar sudah tiga hari tidak diangkut.")
                        .param("lat", lat()).param("lon", lon()).param("confirmNew", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(reports.bySubmissionKey(key).orElseThrow().channel()).isEqualTo("WEB");
    }

    @Test
    void theFormIsInEnglishWhenAsked() throws Exception {
        mvc.perform(get("/laporan/baru").param("lang", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Report a problem")));
    }

    @Test
    void aValidReportIsSavedAndTheCitizenLandsOnTheirPrivatePage() throws Exception {
        String key = UUID.randomUUID().toString();
        MvcResult result = mvc.perform(report(key).param("categoryId", id(rubbish))
                        .param("description", "Tumpukan sampah di depan pasar sudah tiga hari tidak diangkut.")
                        .param("lat", lat()).param("lon", lon()).param("name", "Siti Aminah").param("phone", "0812 3456 7890")
                        .param("confirmNew", "true"))
                .andExpect(status().is3xxRedirection()).andReturn();
        Report saved = reports.bySubmissionKey(key).orElseThrow();
        assertThat(saved.trackingCode()).matches("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
        assertThat(saved.kelurahanCode()).isEqualTo(kelurahan.code());
        assertThat(saved.status()).isEqualTo(ReportStatus.RECEIVED);
        assertThat(reports.reporter(saved.id()).orElseThrow().phone()).isEqualTo("081234567890");
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).isEqualTo("/laporan/" + saved.trackingCode() + "/w/" + saved.citizenToken() + "?baru");
        mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(saved.trackingCode())));
    }

    @Test
    void aRetriedSubmissionDoesNotCreateASecondReport() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = reports.count();
        for (int i = 0; i < 3; i++) {
            mvc.perform(report(key).param("categoryId", id(rubbish)).param("description", "Sampah menumpuk di sudut gang.")
                    .param("lat", lat()).param("lon", lon()).param("confirmNew", "true")).andExpect(status().is3xxRedirection());
        }
        assertThat(reports.count()).isEqualTo(before + 1);
    }

    @Test
    void anEmptyFormExplainsEveryProblemAndKeepsWhatWasTyped() throws Exception {
        long before = reports.count();
        String html = mvc.perform(report(UUID.randomUUID().toString()).param("description", "pendek").param("address", "Jl. Pemuda 12")
                        .param("email", "bukan-email"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("error-summary", "Pilih kategori laporan.", "Jelaskan sedikit lebih lengkap",
                "Tandai lokasi di peta", "Alamat email tidak valid.", "Jl. Pemuda 12", "pendek", "bukan-email");
        assertThat(reports.count()).isEqualTo(before);
    }

    @Test
    void aPointOutsideTheCityIsRefusedWithAClearMessage() throws Exception {
        String html = mvc.perform(report(UUID.randomUUID().toString()).param("categoryId", id(rubbish))
                        .param("description", "Sampah menumpuk di pinggir jalan.").param("lat", "-6.2").param("lon", "106.8"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("di luar wilayah Kota Astina");
    }

    @Test
    void coordinatesThatAreNotOnEarthAreRefused() throws Exception {
        String html = mvc.perform(report(UUID.randomUUID().toString()).param("categoryId", id(rubbish))
                        .param("description", "Sampah menumpuk di pinggir jalan.").param("lat", "200").param("lon", "abc"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("error-summary", "Lokasi tidak valid", "Sampah menumpuk di pinggir jalan.");
        html = mvc.perform(report(UUID.randomUUID().toString()).param("categoryId", "sampah")
                        .param("description", "Sampah menumpuk di pinggir jalan.").param("lat", lat()).param("lon", lon()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Pilih kategori laporan.");
    }

    @Test
    void withoutAMapTheCitizenPicksTheKelurahanAndTypesAnAddress() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(report(key).param("categoryId", id(rubbish)).param("description", "Bak sampah RW 03 penuh dan berbau.")
                .param("kelurahanCode", kelurahan.code()).param("address", "Depan balai RW 03")).andExpect(status().is3xxRedirection());
        Report saved = reports.bySubmissionKey(key).orElseThrow();
        assertThat(saved.locationPrecise()).isFalse();
        assertThat(saved.kelurahanCode()).isEqualTo(kelurahan.code());
        assertThat(saved.address()).isEqualTo("Depan balai RW 03");
    }

    @Test
    void aKelurahanWithoutAnAddressAsksForTheAddress() throws Exception {
        String html = mvc.perform(report(UUID.randomUUID().toString()).param("categoryId", id(rubbish))
                        .param("description", "Bak sampah RW 03 penuh dan berbau.").param("kelurahanCode", kelurahan.code()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Tulis alamat atau patokan");
    }

    @Test
    void requiredExtraQuestionsOfTheCategoryMustBeAnsweredCorrectly() throws Exception {
        Category.Question depth = flood.questions().stream().filter(Category.Question::required).findFirst().orElseThrow();
        String html = mvc.perform(report(UUID.randomUUID().toString()).param("categoryId", id(flood))
                        .param("description", "Air setinggi lutut di perempatan.").param("lat", lat()).param("lon", lon())
                        .param("answers[" + depth.code() + "]", "selutut"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Isi dengan angka.", "selutut");
    }

    @Test
    void aBadPhoneNumberIsExplained() throws Exception {
        String html = mvc.perform(report(UUID.randomUUID().toString()).param("categoryId", id(rubbish))
                        .param("description", "Sampah menumpuk di pinggir jalan.").param("lat", lat()).param("lon", lon())
                        .param("phone", "12345"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Nomor HP tidak valid");
    }

    @Test
    void aFileThatIsNotAPhotoIsRefusedAndTheOtherPhotoIsKeptForTheNextTry() throws Exception {
        String key = UUID.randomUUID().toString();
        MockMultipartFile fake = new MockMultipartFile("photos", "foto.jpg", "image/jpeg", "<script>alert(1)</script>".getBytes());
        MockMultipartFile real = new MockMultipartFile("photos", "asli.png", "image/png", TestImages.png(800, 600));
        String html = mvc.perform(report(key).file(fake).file(real).param("categoryId", id(rubbish))
                        .param("description", "Sampah di selokan depan sekolah.").param("lat", lat()).param("lon", lon()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("bukan foto JPEG, PNG atau WebP", "/laporan/baru/foto/" + key + "/", "Sampah di selokan depan sekolah.");
        assertThat(html).doesNotContain("<script>alert(1)</script>");

        mvc.perform(report(key).param("categoryId", id(rubbish)).param("description", "Sampah di selokan depan sekolah.")
                .param("lat", lat()).param("lon", lon()).param("confirmNew", "true")).andExpect(status().is3xxRedirection());
        Report saved = reports.bySubmissionKey(key).orElseThrow();
        assertThat(reports.photos(saved.id())).hasSize(1).allSatisfy(p -> assertThat(p.kind()).isEqualTo("BEFORE"));
    }

    @Test
    void aFourthPhotoIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        MockMultipartFileBuilder files = new MockMultipartFileBuilder();
        MockMultipartHttpServletRequestBuilder request = report(key);
        for (int i = 0; i < 4; i++) request.file(files.png());
        String html = mvc.perform(request.param("categoryId", id(rubbish)).param("description", "Sampah di selokan depan sekolah.")
                        .param("lat", lat()).param("lon", lon()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Paling banyak 3 foto");
    }

    @Test
    void openReportsNearbyAreOfferedAndSupportCountsOncePerBrowser() throws Exception {
        Reports.Summary existing = reports.publicList(new Reports.Filter(null, ReportStatus.ROUTED, null, null, null, null, null, null), 0, 1)
                .stream().findFirst().orElseThrow();
        String html = mvc.perform(report(UUID.randomUUID().toString()).param("categoryId", String.valueOf(existing.categoryId()))
                        .param("description", "Masalah yang sama masih terjadi di sini.")
                        .param("lat", String.valueOf(existing.lat())).param("lon", String.valueOf(existing.lon())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains(existing.trackingCode(), "Tetap kirim laporan baru");

        Cookie browser = new Cookie(CitizenReportController.SUPPORTER_COOKIE, UUID.randomUUID().toString());
        int before = reports.byTrackingCode(existing.trackingCode()).orElseThrow().supporters();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/laporan/{c}/dukung", existing.trackingCode()).cookie(browser).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(reports.byTrackingCode(existing.trackingCode()).orElseThrow().supporters()).isEqualTo(before + 1);
    }

    @Test
    void theLiveNearbyHintListsOpenReportsOfTheSameCategoryAndNothingElsewhere() throws Exception {
        Reports.Summary existing = reports.publicList(new Reports.Filter(null, ReportStatus.ROUTED, null, null, null, null, null, null), 0, 1)
                .stream().findFirst().orElseThrow();
        String near = mvc.perform(get("/laporan/sekitar").param("categoryId", String.valueOf(existing.categoryId()))
                .param("lat", String.valueOf(existing.lat())).param("lon", String.valueOf(existing.lon())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(near).contains(existing.trackingCode(), "/dukung");
        String far = mvc.perform(get("/laporan/sekitar").param("categoryId", String.valueOf(existing.categoryId()))
                .param("lat", "-6.2").param("lon", "106.8")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(far).doesNotContain(existing.trackingCode());
        mvc.perform(get("/laporan/sekitar").param("lat", "abc")).andExpect(status().isBadRequest());
    }

    @Test
    void aConfidentialReportShowsOnlyItsStatusInPublicAndNeverAppearsInListsOrTheMap() throws Exception {
        String key = UUID.randomUUID().toString();
        String secret = "Rahasia: pungutan liar oleh oknum di kantor " + UUID.randomUUID();
        mvc.perform(report(key).param("categoryId", id(rubbish)).param("description", secret).param("lat", lat()).param("lon", lon())
                .param("confidential", "true").param("confirmNew", "true")).andExpect(status().is3xxRedirection());
        Report saved = reports.bySubmissionKey(key).orElseThrow();
        workflow.verify(staff.byUsername("koordinator").orElseThrow(), saved.trackingCode());
        assertThat(reports.byId(saved.id()).orElseThrow().status()).isEqualTo(ReportStatus.ROUTED);
        assertThat(mvc.perform(get("/laporan/" + saved.trackingCode())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).doesNotContain(secret).contains("tidak dipublikasikan");
        assertThat(mvc.perform(get("/laporan").param("q", saved.trackingCode())).andReturn().getResponse().getContentAsString())
                .doesNotContain("/laporan/" + saved.trackingCode()).contains("Tidak ada laporan yang cocok.");
        assertThat(mvc.perform(get("/laporan").param("kelurahan", kelurahan.code())).andReturn().getResponse().getContentAsString())
                .doesNotContain(saved.trackingCode()).doesNotContain(secret);
        assertThat(mvc.perform(get("/laporan/peta.json").param("bbox", "-90,-180,90,180").param("zoom", "20"))
                .andReturn().getResponse().getContentAsString()).doesNotContain(saved.trackingCode());
        assertThat(mvc.perform(get(citizenPage(saved))).andReturn().getResponse().getContentAsString()).contains(secret);
    }

    @Test
    void anAnonymousReportersNameNeverAppearsInPublic() throws Exception {
        String name = "Bambang Rahasia " + UUID.randomUUID().toString().substring(0, 6);
        Reports.Summary published = reports.publicList(Reports.Filter.none(), 0, 1).get(0);
        Report report = reports.byTrackingCode(published.trackingCode()).orElseThrow();
        assertThat(mvc.perform(get("/laporan/" + report.trackingCode())).andReturn().getResponse().getContentAsString()).doesNotContain(name);
        String key = UUID.randomUUID().toString();
        mvc.perform(report(key).param("categoryId", id(rubbish)).param("description", "Sampah liar di lahan kosong.")
                .param("lat", lat()).param("lon", lon()).param("anonymous", "true").param("name", name).param("confirmNew", "true"))
                .andExpect(status().is3xxRedirection());
        Report saved = reports.bySubmissionKey(key).orElseThrow();
        assertThat(saved.anonymous()).isTrue();
        assertThat(mvc.perform(get("/laporan/" + saved.trackingCode())).andReturn().getResponse().getContentAsString()).doesNotContain(name);
        assertThat(mvc.perform(get("/laporan")).andReturn().getResponse().getContentAsString()).doesNotContain(name);
    }

    @Test
    void aWrongTokenOrUnknownCodeIsNotFound() throws Exception {
        Report any = reports.byTrackingCode(reports.publicList(Reports.Filter.none(), 0, 1).get(0).trackingCode()).orElseThrow();
        mvc.perform(get("/laporan/" + any.trackingCode() + "/w/not-the-token")).andExpect(status().isNotFound());
        mvc.perform(post("/laporan/" + any.trackingCode() + "/w/not-the-token/konfirmasi").with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/laporan/ZZZZ-ZZZZ")).andExpect(status().isNotFound());
    }

    @Test
    void trackingByCodeAcceptsWhatAPersonTypes() throws Exception {
        String code = reports.publicList(Reports.Filter.none(), 0, 1).get(0).trackingCode();
        mvc.perform(get("/laporan/cari").param("kode", " " + code.toLowerCase().replace("-", "") + " "))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/laporan/" + code));
        mvc.perform(get("/laporan/cari").param("kode", "OOOO-1111")).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/"));
    }

    @Test
    void aSubmissionWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/laporan/baru").param("description", "x")).andExpect(status().isForbidden());
    }

    @Test
    void publicPagesRender() throws Exception {
        for (String url : new String[] {"/", "/laporan", "/laporan/peta", "/laporan?kategori=abc&status=NOPE&dari=kemarin", "/laporan?page=-4"}) {
            mvc.perform(get(url)).andExpect(status().isOk());
        }
        mvc.perform(get("/laporan/peta.json")).andExpect(status().isBadRequest());
        mvc.perform(get("/laporan/peta.json").param("bbox", "1,2,3")).andExpect(status().isBadRequest());
        String geo = mvc.perform(get("/laporan/peta.json").param("bbox", "-7.5,109.5,-6.5,110.5").param("zoom", "11"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(geo).contains("FeatureCollection", "\"count\"");
    }

    private MockMultipartHttpServletRequestBuilder report(String key) {
        MockMultipartHttpServletRequestBuilder b = multipart("/laporan/baru");
        b.param("submissionKey", key);
        b.with(csrf());
        return b;
    }

    private String citizenPage(Report r) {
        return "/laporan/" + r.trackingCode() + "/w/" + r.citizenToken();
    }

    private String id(Category c) {
        return String.valueOf(c.id());
    }

    private String lat() {
        return String.valueOf(inside.lat());
    }

    private String lon() {
        return String.valueOf(inside.lon());
    }

    /** Different pictures: the same file sent twice with one form is kept once. */
    private static final class MockMultipartFileBuilder {
        private int made;

        MockMultipartFile png() {
            made++;
            return new MockMultipartFile("photos", "p" + made + ".png", "image/png", TestImages.png(64 + made, 48));
        }
    }

}
