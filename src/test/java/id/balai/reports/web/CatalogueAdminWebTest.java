package id.balai.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.balai.identity.StaffDirectory;
import id.balai.organisation.Region;
import id.balai.organisation.Regions;
import id.balai.reports.CatalogueAdmin;
import id.balai.reports.CatalogueAdmin.CategorySettings;
import id.balai.reports.domain.Categories;
import id.balai.reports.domain.Category;
import id.balai.reports.domain.Report;
import id.balai.reports.domain.ReportWorkflow;
import id.balai.reports.domain.Reports;
import id.balai.support.CityAdminOnly;
import java.util.List;
import java.util.Map;
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

/**
 * The city admin keeps the catalogue at {@code /admin/kategori}: categories, extra questions and
 * routing rules; the citizen form and routing follow at once; bad input is explained with 422 and
 * stores nothing; nobody but the city admin may see or change it. The context is dropped afterwards
 * so that other test classes see the demo catalogue unchanged.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class CatalogueAdminWebTest {

    @Autowired MockMvc mvc;
    @Autowired CatalogueAdmin catalogue;
    @Autowired Categories categories;
    @Autowired Regions regions;
    @Autowired Reports reports;
    @Autowired ReportWorkflow workflow;
    @Autowired StaffDirectory staff;

    // --- categories ----------------------------------------------------------------------------

    @Test
    void theListShowsEveryCategoryAndTheInboxLinksToTheAdminPages() throws Exception {
        String html = page(get("/admin/kategori"));
        assertThat(html).contains("Kategori laporan", "#banjirastina", "#sampahastina", "/admin/kategori/baru");
        assertThat(page(get("/admin/kategori/baru"))).contains("name=\"code\"", "name=\"_csrf\"", "value=\"3\"");
        assertThat(page(get("/staf"))).contains("href=\"/admin/kategori\"", "href=\"/admin/staf\"", "href=\"/admin/libur\"");
        assertThat(page(get("/admin/kategori").param("lang", "en"))).contains("Report categories");
    }

    @Test
    void aNewCategoryIsOnTheCitizenFormAtOnceAndAnEditShowsThereToo() throws Exception {
        String location = mvc.perform(post("/admin/kategori").params(categoryForm("genangan-rob", "#robastina")).with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "flash.category.created"))
                .andReturn().getResponse().getRedirectedUrl();
        CategorySettings created = byCode("genangan-rob");
        assertThat(location).isEqualTo("/admin/kategori/" + created.id());
        assertThat(created.defaultAgencyId()).isEqualTo(agency("BPBD"));
        assertThat(created.active()).isTrue();
        assertThat(page(get("/laporan/baru"))).contains("#robastina", "Genangan rob");
        assertThat(visitorsList()).doesNotContain("Rob pesisir"); // now kept for visitors (PublicPageCache)

        var edit = categoryForm("ignored", "#robpesisirastina");
        edit.set("nameId", "Rob pesisir");
        edit.set("version", String.valueOf(created.version()));
        edit.set("active", "true");
        mvc.perform(post("/admin/kategori/{id}", created.id()).params(edit).with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "flash.category.saved"));
        CategorySettings edited = catalogue.category(created.id()).orElseThrow();
        assertThat(edited.code()).isEqualTo("genangan-rob"); // the code never changes
        assertThat(edited.version()).isEqualTo(created.version() + 1);
        assertThat(page(get("/laporan/baru"))).contains("Rob pesisir", "#robpesisirastina").doesNotContain("#robastina");
        assertThat(visitorsList()).contains("Rob pesisir");
        assertThat(categories.byHashtagIn("air naik lagi #RobPesisirAstina")).map(Category::id).contains(created.id());
        assertThat(page(get("/admin/kategori/{id}", created.id()))).contains("Rob pesisir", "genangan-rob", "name=\"version\"");
    }

    @Test
    void everyBadValueIsExplainedWith422KeepsWhatWasTypedAndStoresNothing() throws Exception {
        int before = catalogue.categories().size();
        Map<String, String> bad = Map.of(
                "code", "Bukan Kode!",
                "hashtag", "banjir astina",
                "verifyDays", "0",
                "followUpDays", "lima",
                "autoCloseDays", "61",
                "sortOrder", "-1",
                "defaultAgencyId", "999999",
                "nameEn", " ");
        var form = categoryForm("x", "#x");
        bad.forEach(form::set);
        String html = mvc.perform(post("/admin/kategori").params(form).with(admin()).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        // a number that is not one and every other problem, all at once, with the fields typed kept
        assertThat(html).contains("error-summary", "Ada yang perlu diperbaiki", "Tenggat tindak lanjut harus 1 sampai 90",
                "value=\"lima\"", "value=\"Bukan Kode!\"", "value=\"banjir astina\"", "value=\"Genangan rob\"");
        assertThat(html).contains("Kode hanya boleh huruf kecil", "Tagar harus satu kata", "Tenggat verifikasi harus 1 sampai 30");
        form.set("followUpDays", "5");
        html = mvc.perform(post("/admin/kategori").params(form).with(admin()).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("Tenggat tindak lanjut harus").contains("Kode hanya boleh huruf kecil", "Tagar harus satu kata", "Tenggat verifikasi harus 1 sampai 30",
                "Tutup otomatis harus 1 sampai 60", "Urutan harus angka bulat", "Pilih OPD dari daftar", "Tulis nama kategori",
                "href=\"#code\"", "href=\"#hashtag\"", "value=\"61\"");

        // taken code, taken hashtag (in another case), a hashtag inside another one
        assertThat(reject(categoryForm("banjir", "#BanjirAstina"))).contains("Kode ini sudah dipakai", "Tagar ini sudah dipakai");
        assertThat(reject(categoryForm("banjir-kecil", "#banjir"))).contains("terlalu mirip");
        assertThat(reject(categoryForm("-awal", "#awalastina"))).contains("Kode hanya boleh");
        assertThat(catalogue.categories()).hasSize(before);
    }

    @Test
    void theSecondOfTwoAdminsEditingACategoryIsToldAndNothingIsOverwritten() throws Exception {
        long id = create("lubang-trotoar", "#trotoarastina");
        int version = catalogue.category(id).orElseThrow().version();
        var first = categoryForm("lubang-trotoar", "#trotoarastina");
        first.set("nameId", "Trotoar berlubang");
        first.set("version", String.valueOf(version));
        first.set("active", "true");
        var second = categoryForm("lubang-trotoar", "#trotoarastina");
        second.set("nameId", "Trotoar rusak");
        second.set("verifyDays", "7");
        second.set("version", String.valueOf(version));
        second.set("active", "true");
        mvc.perform(post("/admin/kategori/{id}", id).params(first).with(admin()).with(csrf())).andExpect(status().is3xxRedirection());
        String html = mvc.perform(post("/admin/kategori/{id}", id).params(second).with(admin()).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Admin lain mengubah kategori ini", "Trotoar berlubang", "value=\"Trotoar rusak\"", "value=\"7\"",
                "name=\"version\" value=\"" + (version + 1) + "\"");
        CategorySettings stored = catalogue.category(id).orElseThrow();
        assertThat(stored.nameId()).isEqualTo("Trotoar berlubang");
        assertThat(stored.verifyDays()).isEqualTo(3);
        // saving again from the page that showed the conflict overwrites knowingly
        second.set("version", String.valueOf(version + 1));
        mvc.perform(post("/admin/kategori/{id}", id).params(second).with(admin()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(catalogue.category(id).orElseThrow().nameId()).isEqualTo("Trotoar rusak");
    }

    @Test
    void aDeactivatedCategoryLeavesTheFormButItsReportsAndAnswersStayIntact() throws Exception {
        long id = create("air-bersih", "#airbersihastina");
        mvc.perform(post("/admin/kategori/{id}/pertanyaan", id).params(questionForm("sumber", "CHOICE", "PDAM\nSumur")).with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "flash.question.added"));
        assertThat(page(get("/laporan/baru").param("kategori", "air-bersih"))).contains("Dari mana airnya?", "PDAM", "Sumur");
        Report report = submit(id, Map.of("answers[sumber]", "Sumur"));
        assertThat(reports.answers(report.id())).containsEntry("sumber", "Sumur");

        // the question is removed, then the category deactivated
        mvc.perform(post("/admin/kategori/{id}/pertanyaan/sumber/hapus", id).with(admin()).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.question.removed"));
        var form = categoryForm("air-bersih", "#airbersihastina");
        form.set("version", String.valueOf(catalogue.category(id).orElseThrow().version()));
        mvc.perform(post("/admin/kategori/{id}", id).params(form).with(admin()).with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(catalogue.category(id).orElseThrow().active()).isFalse();
        assertThat(page(get("/laporan/baru"))).doesNotContain("#airbersihastina");
        assertThat(categories.all()).extracting(Category::id).doesNotContain(id);
        assertThat(categories.byHashtagIn("#airbersihastina keruh")).isEmpty();
        // a form opened before the change is refused with a clear message, and nothing is saved
        String staleKey = UUID.randomUUID().toString();
        var point = regions.centreOf(regions.kelurahans().get(3).code()).orElseThrow();
        String refused = mvc.perform(multipart("/laporan/baru").param("submissionKey", staleKey).param("categoryId", String.valueOf(id))
                        .param("description", "Air keruh sejak kemarin pagi di gang kami.").param("lat", String.valueOf(point.lat()))
                        .param("lon", String.valueOf(point.lon())).param("confirmNew", "true").with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Kategori ini sudah tidak dipakai lagi.", "Air keruh sejak kemarin pagi di gang kami.");
        assertThat(reports.bySubmissionKey(staleKey)).isEmpty();
        assertThat(page(get("/admin/kategori"))).contains("#airbersihastina", "nonaktif");
        // the report: staff page and citizen page still work and still show the answer under its label
        assertThat(page(get("/staf/laporan/{c}", report.trackingCode()))).contains("Air bersih", "Dari mana airnya?", "Sumur");
        mvc.perform(get("/laporan/{c}/w/{t}", report.trackingCode(), report.citizenToken())).andExpect(status().isOk());
        assertThat(reports.answers(report.id())).containsEntry("sumber", "Sumur");
        // the desk can still work it
        workflow.verify(staff.byUsername("koordinator").orElseThrow(), report.trackingCode());
        assertThat(reports.byId(report.id()).orElseThrow().agencyId()).isEqualTo(agency("BPBD"));
        // a category with reports is never deleted
        mvc.perform(post("/admin/kategori/{id}/hapus", id).with(admin()).with(csrf()))
                .andExpect(flash().attribute("flashError", "error.category.in-use"));
        assertThat(catalogue.category(id)).isPresent();
    }

    @Test
    void theStaffInboxStillFiltersByADeactivatedCategoryMarkedAsSuch() throws Exception {
        long id = create("pohon-tua", "#pohontuaastina");
        Report report = submit(id, Map.of());
        var form = categoryForm("pohon-tua", "#pohontuaastina");
        form.set("nameId", "Pohon tua lapuk");
        form.set("nameEn", "Old rotten tree");
        form.set("version", String.valueOf(catalogue.category(id).orElseThrow().version()));
        mvc.perform(post("/admin/kategori/{id}", id).params(form).with(admin()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(categories.isActive(id)).isFalse();

        RequestPostProcessor desk = user(staff.byUsername("koordinator").orElseThrow());
        String inbox = mvc.perform(get("/staf").with(desk)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("<option value=\"" + id + "\">Pohon tua lapuk (nonaktif)</option>", "Kategori nonaktif (laporan lama)");
        // an active category is not marked
        long banjir = byCode("banjir").id();
        assertThat(inbox).contains("<option value=\"" + banjir + "\">Banjir</option>");
        String filtered = mvc.perform(get("/staf").param("kategori", String.valueOf(id)).with(desk))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(filtered).contains(report.trackingCode(), "value=\"" + id + "\" selected=\"selected\"");
        assertThat(mvc.perform(get("/staf").param("lang", "en").with(desk)).andReturn().getResponse().getContentAsString())
                .contains("Old rotten tree (inactive)");
    }

    @Test
    void aCategoryWithoutReportsCanBeDeleted() throws Exception {
        long id = create("salah-ketik", "#salahketikastina");
        mvc.perform(post("/admin/kategori/{id}/hapus", id).with(admin()).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.category.deleted"));
        assertThat(catalogue.category(id)).isEmpty();
        assertThat(categories.byId(id)).isEmpty();
        mvc.perform(get("/admin/kategori/{id}", id).with(admin())).andExpect(status().isNotFound());
    }

    // --- questions -----------------------------------------------------------------------------

    @Test
    void questionsAreAddedEditedReorderedAndRemovedAndTheirCodesNeverReused() throws Exception {
        long id = create("sumur-resapan", "#resapanastina");
        mvc.perform(post("/admin/kategori/{id}/pertanyaan", id).params(questionForm("jumlah", "NUMBER", "")).with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        var second = questionForm("jenis", "CHOICE", "Tertutup\nTerbuka");
        second.set("sortOrder", "20");
        mvc.perform(post("/admin/kategori/{id}/pertanyaan", id).params(second).with(admin()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(categories.byId(id).orElseThrow().questions()).extracting(Category.Question::code).containsExactly("jumlah", "jenis");

        // edit: new label and order (now first), kind stays, code cannot change
        var edit = questionForm("diabaikan", "CHOICE", "Tertutup\nTerbuka\nRusak");
        edit.set("labelId", "Jenis sumur");
        edit.set("sortOrder", "1");
        edit.set("required", "true");
        edit.set("version", String.valueOf(questionVersion(id, "jenis")));
        assertThat(page(get("/admin/kategori/{id}/pertanyaan/jenis", id))).contains("Tertutup", "jenis", "name=\"version\"");
        mvc.perform(post("/admin/kategori/{id}/pertanyaan/jenis", id).params(edit).with(admin()).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.question.saved"));
        Category category = categories.byId(id).orElseThrow();
        assertThat(category.questions()).extracting(Category.Question::code).containsExactly("jenis", "jumlah");
        assertThat(category.questions().get(0).labelId()).isEqualTo("Jenis sumur");
        assertThat(category.questions().get(0).required()).isTrue();
        assertThat(category.questions().get(0).choices()).containsExactly("Tertutup", "Terbuka", "Rusak");
        assertThat(page(get("/laporan/baru").param("kategori", "sumur-resapan"))).contains("Jenis sumur", "Rusak");

        // remove, then the same code again is refused: answers are stored under it
        mvc.perform(post("/admin/kategori/{id}/pertanyaan/jumlah/hapus", id).with(admin()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(categories.byId(id).orElseThrow().questions()).extracting(Category.Question::code).containsExactly("jenis");
        String html = mvc.perform(post("/admin/kategori/{id}/pertanyaan", id).params(questionForm("jumlah", "TEXT", "")).with(admin()).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Kode ini sudah dipakai pertanyaan lain");
        mvc.perform(post("/admin/kategori/{id}/pertanyaan/jumlah/hapus", id).with(admin()).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/kategori/{id}/pertanyaan/jumlah", id).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void theSecondOfTwoAdminsEditingAQuestionGets409WithWhatTheyTypedKeptAndNothingOverwritten() throws Exception {
        long id = create("gorong-mampet", "#gorongmampetastina");
        mvc.perform(post("/admin/kategori/{id}/pertanyaan", id).params(questionForm("panjang", "NUMBER", "")).with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String read = String.valueOf(questionVersion(id, "panjang"));
        var first = questionForm("panjang", "NUMBER", "");
        first.set("labelId", "Berapa meter saluran yang mampet?");
        first.set("version", read);
        var second = questionForm("panjang", "CHOICE", "Pendek\nPanjang");
        second.set("labelId", "Seberapa panjang yang mampet?");
        second.set("sortOrder", "33");
        second.set("version", read);
        mvc.perform(post("/admin/kategori/{id}/pertanyaan/panjang", id).params(first).with(admin()).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.question.saved"));
        String html = mvc.perform(post("/admin/kategori/{id}/pertanyaan/panjang", id).params(second).with(admin()).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Admin lain mengubah pertanyaan ini selagi Anda mengisi formulir", "id=\"conflict\"",
                "value=\"Seberapa panjang yang mampet?\"", "value=\"33\"", "Pendek\nPanjang</textarea>",
                "<option value=\"CHOICE\" selected=\"selected\">", "Berapa meter saluran yang mampet?",
                "name=\"version\" value=\"" + questionVersion(id, "panjang") + "\"");
        assertThat(categories.byId(id).orElseThrow().questions()).singleElement()
                .extracting(Category.Question::labelId, Category.Question::kind)
                .containsExactly("Berapa meter saluran yang mampet?", Category.Question.Kind.NUMBER);
        assertThat(mvc.perform(post("/admin/kategori/{id}/pertanyaan/panjang", id).params(second).param("lang", "en").with(admin()).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString()).contains("Another admin changed this question");

        // saved again with the version the 409 page showed: overwritten knowingly
        second.set("version", String.valueOf(questionVersion(id, "panjang")));
        mvc.perform(post("/admin/kategori/{id}/pertanyaan/panjang", id).params(second).with(admin()).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.question.saved"));
        assertThat(categories.byId(id).orElseThrow().questions().get(0).labelId()).isEqualTo("Seberapa panjang yang mampet?");
        // without a version nothing is stored
        first.remove("version");
        assertThat(mvc.perform(post("/admin/kategori/{id}/pertanyaan/panjang", id).params(first).with(admin()).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString()).contains("Formulir tidak lengkap");
        assertThat(categories.byId(id).orElseThrow().questions().get(0).labelId()).isEqualTo("Seberapa panjang yang mampet?");
    }

    private int questionVersion(long categoryId, String code) {
        return catalogue.category(categoryId).orElseThrow().question(code).orElseThrow().version();
    }

    @Test
    void badQuestionsAreExplainedWith422AndStoreNothing() throws Exception {
        long id = create("jembatan", "#jembatanastina");
        record Case(String code, String kind, String choices, String expected) {}
        List<Case> cases = List.of(
                new Case("Kode Salah", "TEXT", "", "Kode hanya boleh huruf kecil"),
                new Case("pilihan", "CHOICE", "", "perlu paling sedikit satu pilihan"),
                new Case("teks", "TEXT", "Ya\nTidak", "Pilihan jawaban hanya untuk jenis pilihan"),
                new Case("ganda", "CHOICE", "Ya\nYa", "tidak boleh sama"),
                new Case("pipa", "CHOICE", "Ya|Tidak", "tanpa tanda |"),
                new Case("koma", "MULTI_CHOICE", "Kayu, besi\nPlastik", "tanpa koma"),
                new Case("jenis", "WARNA", "", "Pilih jenis jawaban"));
        for (Case c : cases) {
            String html = mvc.perform(post("/admin/kategori/{id}/pertanyaan", id).params(questionForm(c.code(), c.kind(), c.choices()))
                    .with(admin()).with(csrf())).andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
            assertThat(html).as(c.code()).contains("error-summary", c.expected(), "value=\"" + c.code() + "\"");
        }
        var noLabel = questionForm("ok", "TEXT", "");
        noLabel.set("labelId", "");
        noLabel.set("sortOrder", "awal");
        assertThat(mvc.perform(post("/admin/kategori/{id}/pertanyaan", id).params(noLabel).with(admin()).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString()).contains("Urutan harus angka bulat", "value=\"awal\"");
        noLabel.set("sortOrder", "5");
        assertThat(mvc.perform(post("/admin/kategori/{id}/pertanyaan", id).params(noLabel).with(admin()).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString()).contains("Tulis pertanyaannya");
        assertThat(catalogue.category(id).orElseThrow().questions()).isEmpty();
        mvc.perform(post("/admin/kategori/{id}/pertanyaan", 999999).params(questionForm("a", "TEXT", "")).with(admin()).with(csrf()))
                .andExpect(status().isNotFound());
    }

    // --- routing -------------------------------------------------------------------------------

    @Test
    void aRoutingRuleSendsTheNextReportFromThatKelurahanToTheOtherAgency() throws Exception {
        long id = create("got-sungai", "#gotsungaiastina");
        Region kelurahan = regions.kelurahans().get(5);
        mvc.perform(post("/admin/kategori/{id}/rute", id).param("kelurahanCode", kelurahan.code())
                .param("agencyId", String.valueOf(agency("DPUPR"))).with(admin()).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.routing.added"));
        assertThat(page(get("/admin/kategori/{id}", id))).contains(kelurahan.name(), "DPUPR");

        Report routed = submitIn(id, kelurahan, Map.of());
        workflow.verify(staff.byUsername("koordinator").orElseThrow(), routed.trackingCode());
        assertThat(reports.byId(routed.id()).orElseThrow().agencyId()).isEqualTo(agency("DPUPR"));

        mvc.perform(post("/admin/kategori/{id}/rute/hapus", id).param("kelurahanCode", kelurahan.code()).with(admin()).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.routing.removed"));
        Report byDefault = submitIn(id, kelurahan, Map.of());
        workflow.verify(staff.byUsername("koordinator").orElseThrow(), byDefault.trackingCode());
        assertThat(reports.byId(byDefault.id()).orElseThrow().agencyId()).isEqualTo(agency("BPBD"));
    }

    @Test
    void badRoutingRulesAreExplainedWith422() throws Exception {
        long id = create("tanggul", "#tanggulastina");
        Region kelurahan = regions.kelurahans().get(2);
        String html = mvc.perform(post("/admin/kategori/{id}/rute", id).param("kelurahanCode", "99.99").param("agencyId", "999999")
                .with(admin()).with(csrf())).andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Pilih kelurahan dari daftar", "Pilih OPD tujuan dari daftar");
        mvc.perform(post("/admin/kategori/{id}/rute", id).param("kelurahanCode", kelurahan.code()).param("agencyId", "")
                .with(admin()).with(csrf())).andExpect(status().is(422));
        mvc.perform(post("/admin/kategori/{id}/rute", id).param("kelurahanCode", kelurahan.code()).param("agencyId", String.valueOf(agency("DLH")))
                .with(admin()).with(csrf())).andExpect(status().is3xxRedirection());
        html = mvc.perform(post("/admin/kategori/{id}/rute", id).param("kelurahanCode", kelurahan.code())
                .param("agencyId", String.valueOf(agency("DPUPR"))).with(admin()).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("sudah punya aturan");
        assertThat(catalogue.category(id).orElseThrow().routingRules())
                .containsExactly(new CatalogueAdmin.RoutingRule(kelurahan.code(), agency("DLH")));
        mvc.perform(post("/admin/kategori/{id}/rute/hapus", id).param("kelurahanCode", "99.99").with(admin()).with(csrf()))
                .andExpect(status().isNotFound());
    }

    // --- who may ------------------------------------------------------------------------------

    @Test
    void onlyTheCityAdminMayReachAnyCatalogueAdminPageOrAction() throws Exception {
        CategorySettings banjir = byCode("banjir");
        long id = banjir.id();
        // a fresh builder for every request: a builder keeps the post-processors added to it
        List<Supplier<MockHttpServletRequestBuilder>> requests = List.of(
                () -> get("/admin/kategori"), () -> get("/admin/kategori/baru"), () -> get("/admin/kategori/{id}", id),
                () -> get("/admin/kategori/{id}/pertanyaan/baru", id), () -> get("/admin/kategori/{id}/pertanyaan/kedalaman", id),
                () -> post("/admin/kategori").params(categoryForm("dilarang", "#dilarangastina")),
                () -> post("/admin/kategori/{id}", id).params(categoryForm("banjir", "#banjirastina")).param("version", "0"),
                () -> post("/admin/kategori/{id}/hapus", id),
                () -> post("/admin/kategori/{id}/pertanyaan", id).params(questionForm("dilarang", "TEXT", "")),
                () -> post("/admin/kategori/{id}/pertanyaan/kedalaman", id).params(questionForm("kedalaman", "NUMBER", "")),
                () -> post("/admin/kategori/{id}/pertanyaan/kedalaman/hapus", id),
                () -> post("/admin/kategori/{id}/rute", id).param("kelurahanCode", regions.kelurahans().get(0).code()).param("agencyId", "1"),
                () -> post("/admin/kategori/{id}/rute/hapus", id).param("kelurahanCode", banjir.routingRules().isEmpty() ? "x"
                        : banjir.routingRules().get(0).kelurahanCode()));
        CityAdminOnly.check(mvc, staff, requests);
        // and the city admin without a CSRF token is refused too
        mvc.perform(post("/admin/kategori").params(categoryForm("tanpa-token", "#tanpatokenastina")).with(admin()))
                .andExpect(status().isForbidden());
        CategorySettings after = byCode("banjir");
        assertThat(after).isEqualTo(banjir);
        assertThat(catalogue.categories()).extracting(CategorySettings::code).doesNotContain("dilarang", "tanpa-token");
    }

    // --- helpers -------------------------------------------------------------------------------

    private RequestPostProcessor admin() {
        return user(staff.byUsername("admin").orElseThrow());
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(admin())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The public list's category filter, as a visitor who is not logged in gets it. */
    private String visitorsList() throws Exception {
        return mvc.perform(get("/laporan")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String reject(org.springframework.util.MultiValueMap<String, String> form) throws Exception {
        return mvc.perform(post("/admin/kategori").params(form).with(admin()).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
    }

    private long create(String code, String hashtag) throws Exception {
        mvc.perform(post("/admin/kategori").params(categoryForm(code, hashtag)).with(admin()).with(csrf())).andExpect(status().is3xxRedirection());
        return byCode(code).id();
    }

    private CategorySettings byCode(String code) {
        return catalogue.categories().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    private long agency(String code) {
        return regions.agencyByCode(code).orElseThrow().id();
    }

    private org.springframework.util.LinkedMultiValueMap<String, String> categoryForm(String code, String hashtag) {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.set("code", code);
        form.set("nameId", code.equals("air-bersih") ? "Air bersih" : "Genangan rob");
        form.set("nameEn", "Tidal flooding");
        form.set("hashtag", hashtag);
        form.set("icon", "water");
        form.set("defaultAgencyId", String.valueOf(agency("BPBD")));
        form.set("verifyDays", "3");
        form.set("followUpDays", "5");
        form.set("autoCloseDays", "10");
        form.set("sortOrder", "50");
        return form;
    }

    private org.springframework.util.LinkedMultiValueMap<String, String> questionForm(String code, String kind, String choices) {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.set("code", code);
        form.set("labelId", "Dari mana airnya?");
        form.set("labelEn", "Where does the water come from?");
        form.set("kind", kind);
        form.set("choices", choices);
        form.set("sortOrder", "10");
        return form;
    }

    private Report submit(long categoryId, Map<String, String> answers) throws Exception {
        return submitIn(categoryId, regions.kelurahans().get(3), answers);
    }

    /** A citizen's report through the real form, at the centre of {@code kelurahan}. */
    private Report submitIn(long categoryId, Region kelurahan, Map<String, String> answers) throws Exception {
        var point = regions.centreOf(kelurahan.code()).orElseThrow();
        String key = UUID.randomUUID().toString();
        var request = multipart("/laporan/baru").param("submissionKey", key).param("categoryId", String.valueOf(categoryId))
                .param("description", "Laporan uji dari halaman admin katalog, mohon ditangani.")
                .param("lat", String.valueOf(point.lat())).param("lon", String.valueOf(point.lon())).param("confirmNew", "true");
        answers.forEach(request::param);
        mvc.perform(request.with(csrf())).andExpect(status().is3xxRedirection());
        Report report = reports.bySubmissionKey(key).orElseThrow();
        assertThat(report.kelurahanCode()).isEqualTo(kelurahan.code());
        return report;
    }
}
