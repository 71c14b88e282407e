package id.balai.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.identity.StaffRole;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Regions;
import id.balai.reports.ReportStatus;
import id.balai.reports.domain.Categories;
import id.balai.reports.domain.Report;
import id.balai.reports.domain.ReportSubmission;
import id.balai.reports.domain.Reports;
import id.balai.reports.domain.SubmissionForm;
import id.balai.reports.domain.TimelineEntry;
import id.balai.support.TestImages;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The staff workflow through the web, and that every role can do exactly what it should: one OPD
 * cannot see or touch another's report, a lurah only notes their own kelurahan, the leadership reads.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaffWorkflowWebTest {

    @Autowired MockMvc mvc;
    @Autowired Reports reports;
    @Autowired Categories categories;
    @Autowired Regions regions;
    @Autowired StaffDirectory staff;
    @Autowired ReportSubmission submission;
    @Autowired id.balai.reports.domain.ResponseTemplates templates;

    @Test
    void aReportTravelsFromTheDeskToTheAgencyToResolvedAndTheCitizenClosesIt() throws Exception {
        Report report = newReport("sampah", regions.kelurahans().get(0).code());
        String code = report.trackingCode();

        mvc.perform(post("/staf/laporan/{c}/verifikasi", code).with(as("koordinator")).with(csrf()))
                .andExpect(redirectedUrl("/staf/laporan/" + code)).andExpect(flash().attribute("flash", "flash.verified"));
        Report routed = reload(code);
        assertThat(routed.status()).isEqualTo(ReportStatus.ROUTED);
        assertThat(routed.agencyId()).isEqualTo(agency("DLH"));
        assertThat(routed.followUpDueAt()).isAfter(routed.submittedAt());

        // Another OPD neither sees nor acts on it.
        mvc.perform(get("/staf/laporan/{c}", code).with(as("dpupr"))).andExpect(status().isForbidden());
        mvc.perform(post("/staf/laporan/{c}/proses", code).with(as("dpupr")).with(csrf())).andExpect(status().isForbidden());
        assertThat(inbox("dpupr")).doesNotContain(code);
        assertThat(inbox("dlh")).contains(code);

        // A field officer starts and resolves, but may not hand it back.
        mvc.perform(post("/staf/laporan/{c}/proses", code).with(as("petugas.dlh")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(reload(code).status()).isEqualTo(ReportStatus.IN_PROGRESS);
        mvc.perform(post("/staf/laporan/{c}/bukan-wewenang", code).param("reason", "x").with(as("petugas.dlh")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/staf/laporan/{c}/selesai", code)
                        .file(new MockMultipartFile("photo", "sesudah.jpg", "image/jpeg", TestImages.jpeg(640, 480)))
                        .param("note", "Sampah sudah diangkut truk DLH pagi ini.").with(as("petugas.dlh")).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.resolved"));
        Report resolved = reload(code);
        assertThat(resolved.status()).isEqualTo(ReportStatus.RESOLVED);
        assertThat(resolved.autoCloseDueAt()).isAfter(resolved.resolvedAt());
        assertThat(reports.photos(resolved.id())).anySatisfy(p -> assertThat(p.kind()).isEqualTo("AFTER"));
        assertThat(mvc.perform(get("/laporan/{c}", code)).andReturn().getResponse().getContentAsString())
                .contains("Sampah sudah diangkut truk DLH pagi ini.");

        String citizenPage = "/laporan/" + code + "/w/" + resolved.citizenToken();
        mvc.perform(post(citizenPage + "/konfirmasi").with(csrf())).andExpect(redirectedUrl(citizenPage));
        mvc.perform(post(citizenPage + "/nilai").param("stars", "5").param("comment", "Cepat!").with(csrf()))
                .andExpect(flash().attribute("flash", "flash.rated"));
        mvc.perform(post(citizenPage + "/nilai").param("stars", "4").with(csrf()))
                .andExpect(flash().attribute("flashError", "error.rating.once"));
        Report closed = reload(code);
        assertThat(closed.status()).isEqualTo(ReportStatus.CLOSED);
        assertThat(closed.rating()).isEqualTo(5);
        assertThat(reports.timeline(closed.id())).extracting(TimelineEntry::action).containsSubsequence(
                TimelineEntry.Action.SUBMITTED, TimelineEntry.Action.VERIFIED, TimelineEntry.Action.ROUTED,
                TimelineEntry.Action.STARTED, TimelineEntry.Action.RESOLVED, TimelineEntry.Action.CONFIRMED, TimelineEntry.Action.RATED);
        assertThat(reports.timeline(closed.id())).filteredOn(e -> e.action() == TimelineEntry.Action.STARTED)
                .extracting(TimelineEntry::actor).containsExactly("petugas.dlh");
    }

    @Test
    void theCitizenCanReopenAResolvedReportWithAReason() throws Exception {
        Report report = newReport("sampah", regions.kelurahans().get(1).code());
        String code = report.trackingCode();
        mvc.perform(post("/staf/laporan/{c}/verifikasi", code).with(as("koordinator")).with(csrf()));
        mvc.perform(multipart("/staf/laporan/{c}/selesai", code).param("note", "Sudah dibersihkan.").with(as("dlh")).with(csrf()));
        String citizenPage = "/laporan/" + code + "/w/" + report.citizenToken();
        mvc.perform(post(citizenPage + "/buka-kembali").param("reason", "").with(csrf()))
                .andExpect(flash().attribute("flashError", "error.workflow.reason-required"));
        mvc.perform(post(citizenPage + "/buka-kembali").param("reason", "Sampahnya kembali menumpuk sore ini.").with(csrf()))
                .andExpect(flash().attribute("flash", "flash.reopened"));
        assertThat(reload(code).status()).isEqualTo(ReportStatus.REOPENED);
        assertThat(reload(code).followUpDueAt()).isNotNull();
    }

    @Test
    void anAgencyHandsBackAReportThatIsNotItsResponsibilityAndTheDeskRoutesItElsewhere() throws Exception {
        Report report = newReport("sampah", regions.kelurahans().get(2).code());
        String code = report.trackingCode();
        mvc.perform(post("/staf/laporan/{c}/verifikasi", code).with(as("koordinator")).with(csrf()));
        mvc.perform(post("/staf/laporan/{c}/bukan-wewenang", code).param("reason", "").with(as("dlh")).with(csrf()))
                .andExpect(flash().attribute("flashError", "error.workflow.reason-required"));
        mvc.perform(post("/staf/laporan/{c}/bukan-wewenang", code).param("reason", "Lahan milik swasta, wewenang Satpol PP.")
                .with(as("dlh")).with(csrf())).andExpect(flash().attribute("flash", "flash.handed-back"));
        Report back = reload(code);
        assertThat(back.status()).isEqualTo(ReportStatus.VERIFIED);
        assertThat(back.agencyId()).isNull();
        assertThat(back.followUpDueAt()).isNull();
        assertThat(reports.timeline(back.id())).filteredOn(e -> e.action() == TimelineEntry.Action.HANDED_BACK)
                .singleElement().satisfies(e -> {
                    assertThat(e.agencyId()).isEqualTo(agency("DLH"));
                    assertThat(e.publicNote()).isFalse();
                });
        mvc.perform(get("/staf/laporan/{c}", code).with(as("dlh"))).andExpect(status().isForbidden());

        mvc.perform(post("/staf/laporan/{c}/disposisi", code).param("agencyId", String.valueOf(agency("SATPOLPP")))
                .with(as("koordinator")).with(csrf())).andExpect(flash().attribute("flash", "flash.routed"));
        assertThat(reload(code).agencyId()).isEqualTo(agency("SATPOLPP"));
        mvc.perform(post("/staf/laporan/{c}/disposisi", code).param("agencyId", "999999").with(as("koordinator")).with(csrf()))
                .andExpect(flash().attribute("flashError", "error.agency.unknown"));
    }

    @Test
    void aLurahSeesAndNotesOnlyTheirKelurahanAndTheLeadershipOnlyReads() throws Exception {
        StaffPrincipal lurah = staff.withRole(StaffRole.LURAH).get(0);
        String own = lurah.regionCode();
        String other = regions.kelurahans().stream().map(r -> r.code()).filter(c -> !c.equals(own)).findFirst().orElseThrow();
        String ownCode = newReport("sampah", own).trackingCode();
        String otherCode = newReport("sampah", other).trackingCode();

        mvc.perform(get("/staf/laporan/{c}", ownCode).with(user(lurah))).andExpect(status().isOk());
        mvc.perform(get("/staf/laporan/{c}", otherCode).with(user(lurah))).andExpect(status().isForbidden());
        mvc.perform(post("/staf/laporan/{c}/catatan", ownCode).param("note", "Sudah dicek ketua RT.").with(user(lurah)).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.noted"));
        mvc.perform(post("/staf/laporan/{c}/catatan", ownCode).param("note", "").with(user(lurah)).with(csrf()))
                .andExpect(flash().attribute("flashError", "error.workflow.note-required"));
        mvc.perform(post("/staf/laporan/{c}/catatan", ownCode).param("note", "Publik").param("publicNote", "true")
                .with(user(lurah)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/staf/laporan/{c}/verifikasi", ownCode).with(user(lurah)).with(csrf())).andExpect(status().isForbidden());
        String lurahInbox = mvc.perform(get("/staf").with(user(lurah))).andReturn().getResponse().getContentAsString();
        assertThat(lurahInbox).contains(ownCode).doesNotContain(otherCode);

        mvc.perform(get("/staf/laporan/{c}", otherCode).with(as("walikota"))).andExpect(status().isOk());
        mvc.perform(post("/staf/laporan/{c}/verifikasi", otherCode).with(as("walikota")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/staf/laporan/{c}/catatan", otherCode).param("note", "x").with(as("walikota")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDeskRejectsWithAReasonMergesDuplicatesAndModeratesPublicText() throws Exception {
        Report spam = newReport("sampah", regions.kelurahans().get(4).code());
        mvc.perform(post("/staf/laporan/{c}/tolak", spam.trackingCode()).with(as("koordinator")).with(csrf()))
                .andExpect(flash().attribute("flashError", "error.workflow.reason-required"));
        mvc.perform(post("/staf/laporan/{c}/tolak", spam.trackingCode()).param("reason", "SPAM").param("note", "Iklan")
                .with(as("koordinator")).with(csrf())).andExpect(flash().attribute("flash", "flash.rejected"));
        assertThat(reload(spam.trackingCode()).status()).isEqualTo(ReportStatus.REJECTED);

        Report main = newReport("sampah", regions.kelurahans().get(5).code());
        Report copy = newReport("sampah", regions.kelurahans().get(5).code());
        mvc.perform(post("/staf/laporan/{c}/verifikasi", main.trackingCode()).with(as("koordinator")).with(csrf()));
        mvc.perform(post("/staf/laporan/{c}/gabung", copy.trackingCode()).param("target", copy.trackingCode())
                .with(as("koordinator")).with(csrf())).andExpect(flash().attribute("flashError", "error.workflow.merge-self"));
        mvc.perform(post("/staf/laporan/{c}/gabung", copy.trackingCode()).param("target", main.trackingCode().toLowerCase())
                .with(as("koordinator")).with(csrf())).andExpect(flash().attribute("flash", "flash.merged"));
        assertThat(reload(copy.trackingCode()).duplicateOf()).isEqualTo(main.id());
        assertThat(reload(main.trackingCode()).supporters()).isEqualTo(1);

        String cleaned = "Ada sampah di depan rumah warga (nama disensor moderator).";
        mvc.perform(post("/staf/laporan/{c}/moderasi", main.trackingCode()).param("publicText", cleaned)
                .with(as("koordinator")).with(csrf())).andExpect(flash().attribute("flash", "flash.moderated"));
        String publicPage = mvc.perform(get("/laporan/{c}", main.trackingCode())).andReturn().getResponse().getContentAsString();
        assertThat(publicPage).contains(cleaned).doesNotContain(main.description());
        assertThat(mvc.perform(get("/staf/laporan/{c}", main.trackingCode()).with(as("koordinator"))).andReturn().getResponse()
                .getContentAsString()).contains(main.description());
        mvc.perform(post("/staf/laporan/{c}/moderasi", main.trackingCode()).param("publicText", cleaned).with(as("dlh")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aHiddenPhotoIsNoLongerPublishedButStaffStillSeeIt() throws Exception {
        String key = UUID.randomUUID().toString();
        GeoPoint point = regions.centreOf(regions.kelurahans().get(6).code()).orElseThrow();
        mvc.perform(multipart("/laporan/baru").file(new MockMultipartFile("photos", "a.jpg", "image/jpeg", TestImages.jpeg(400, 300)))
                .param("submissionKey", key).param("categoryId", String.valueOf(categories.byCode("sampah").orElseThrow().id()))
                .param("description", "Foto wajah warga terlihat jelas di sini.").param("lat", String.valueOf(point.lat()))
                .param("lon", String.valueOf(point.lon())).param("confirmNew", "true").with(csrf())).andExpect(status().is3xxRedirection());
        Report report = reports.bySubmissionKey(key).orElseThrow();
        mvc.perform(post("/staf/laporan/{c}/verifikasi", report.trackingCode()).with(as("koordinator")).with(csrf()));
        Reports.Photo photo = reports.photos(report.id()).get(0);
        mvc.perform(get("/media/" + photo.storageKey())).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Content-Type", "image/jpeg"));
        mvc.perform(post("/staf/laporan/{c}/foto/{id}/sembunyikan", report.trackingCode(), photo.id()).with(as("koordinator")).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.photo-hidden"));
        mvc.perform(get("/media/" + photo.storageKey())).andExpect(status().isNotFound());
        mvc.perform(get("/staf/media/{id}", photo.id()).with(as("koordinator"))).andExpect(status().isOk());
        mvc.perform(get("/staf/media/{id}", photo.id()).with(as("dpupr"))).andExpect(status().isForbidden());
    }

    @Test
    void aResponseTemplateFillsAnEmptyNote() throws Exception {
        Report report = newReport("sampah", regions.kelurahans().get(7).code());
        mvc.perform(post("/staf/laporan/{c}/verifikasi", report.trackingCode()).with(as("koordinator")).with(csrf()));
        var template = templates.list(agency("DLH")).get(0);
        mvc.perform(post("/staf/laporan/{c}/catatan", report.trackingCode()).param("note", "").param("template", String.valueOf(template.id()))
                .param("publicNote", "true").with(as("dlh")).with(csrf())).andExpect(flash().attribute("flash", "flash.noted"));
        assertThat(reports.timeline(report.id())).last().satisfies(e -> {
            assertThat(e.note()).isEqualTo(template.body());
            assertThat(e.publicNote()).isTrue();
        });
        assertThat(mvc.perform(get("/staf/laporan/{c}", report.trackingCode()).with(as("dlh"))).andReturn().getResponse()
                .getContentAsString()).contains(template.title());
    }

    @Test
    void staffPagesNeedALogInAndTheDemoPasswordLogsIn() throws Exception {
        mvc.perform(get("/staf").accept(org.springframework.http.MediaType.TEXT_HTML)).andExpect(redirectedUrl("/staf/masuk"));
        mvc.perform(get("/staf").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic("koordinator", "demo-test-pass"))).andExpect(redirectedUrl("/staf/masuk")); // no HTTP Basic for pages
        mvc.perform(post("/staf/masuk").param("username", "koordinator").param("password", "salah").with(csrf()))
                .andExpect(redirectedUrl("/staf/masuk?gagal"));
        mvc.perform(post("/staf/masuk").param("username", "koordinator").param("password", "demo-test-pass").with(csrf()))
                .andExpect(redirectedUrl("/staf"));
        mvc.perform(get("/staf").with(as("koordinator"))).andExpect(status().isOk());
        mvc.perform(get("/staf").param("status", "NOPE").param("terlambat", "true").param("q", "%_'\"").with(as("koordinator")))
                .andExpect(status().isOk());
        mvc.perform(get("/staf/laporan/ZZZZ-ZZZZ").with(as("koordinator"))).andExpect(status().isNotFound());
        mvc.perform(post("/staf/laporan/ZZZZ-ZZZZ/verifikasi").with(as("koordinator")).with(csrf())).andExpect(status().isNotFound());
    }

    private Report newReport(String categoryCode, String kelurahanCode) {
        GeoPoint point = regions.centreOf(kelurahanCode).orElseThrow();
        SubmissionForm form = new SubmissionForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        form.setCategoryId(categories.byCode(categoryCode).orElseThrow().id());
        form.setDescription("Laporan uji: sampah menumpuk di " + UUID.randomUUID());
        form.setLat(point.lat());
        form.setLon(point.lon());
        return ((ReportSubmission.Saved) submission.submit(form)).report();
    }

    private Report reload(String code) {
        return reports.byTrackingCode(code).orElseThrow();
    }

    private String inbox(String username) throws Exception {
        return mvc.perform(get("/staf").with(as(username))).andReturn().getResponse().getContentAsString();
    }

    private long agency(String code) {
        return regions.agencyByCode(code).orElseThrow().id();
    }

    private RequestPostProcessor as(String username) {
        return user(staff.byUsername(username).orElseThrow());
    }
}
