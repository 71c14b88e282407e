package id.balai.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.balai.organisation.GeoPoint;
import id.balai.organisation.Regions;
import id.balai.reports.CatalogueAdmin;
import id.balai.reports.CatalogueAdmin.QuestionKind;
import id.balai.reports.domain.Categories;
import id.balai.reports.domain.Category;
import id.balai.reports.domain.Reports;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Long text, date and time, and several choices: asked on the form, checked, and stored as the citizen meant them. */
@SpringBootTest
@AutoConfigureMockMvc
class ExtraQuestionKindsWebTest {

    @Autowired MockMvc mvc;
    @Autowired Categories categories;
    @Autowired Regions regions;
    @Autowired Reports reports;
    @Autowired CatalogueAdmin catalogue;

    @Test
    void theFormOffersTicksADateTimeFieldAndATextArea() throws Exception {
        String drain = mvc.perform(get("/laporan/baru").param("kategori", "saluran")).andReturn().getResponse().getContentAsString();
        assertThat(drain).contains("type=\"checkbox\" name=\"answers[akibat]\" value=\"Bau tidak sedap\"");
        String tree = mvc.perform(get("/laporan/baru").param("kategori", "pohon-tumbang")).andReturn().getResponse().getContentAsString();
        assertThat(tree).contains("type=\"datetime-local\"");
        String health = mvc.perform(get("/laporan/baru").param("kategori", "kesehatan")).andReturn().getResponse().getContentAsString();
        assertThat(health).contains("<textarea id=\"answers-fasilitas\" name=\"answers[fasilitas]\"");
    }

    @Test
    void severalTickedChoicesAreKeptInTheCategorysOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        submit(report("saluran", key).param("answers[akibat]", "Sarang nyamuk").param("answers[akibat]", "Air meluap ke jalan"), 302);
        long id = reports.bySubmissionKey(key).orElseThrow().id();
        assertThat(reports.answers(id)).containsEntry("akibat", "Air meluap ke jalan, Sarang nyamuk");
    }

    @Test
    void aChoiceThatIsNotOfferedIsRefusedAndNothingIsSaved() throws Exception {
        String key = UUID.randomUUID().toString();
        String html = submit(report("saluran", key).param("answers[akibat]", "Banjir bandang"), 422).getContentAsString();
        assertThat(html).contains("Pilih dari jawaban yang tersedia");
        assertThat(reports.bySubmissionKey(key)).isEmpty();
    }

    @Test
    void aDateAndTimeIsKeptAsTheBrowserSentItAndNonsenseIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        submit(report("pohon-tumbang", key).param("answers[waktu_tumbang]", "2026-11-23T17:45"), 302);
        assertThat(reports.answers(reports.bySubmissionKey(key).orElseThrow().id())).containsEntry("waktu_tumbang", "2026-11-23T17:45");

        String bad = UUID.randomUUID().toString();
        assertThat(submit(report("pohon-tumbang", bad).param("answers[waktu_tumbang]", "kemarin sore"), 422).getContentAsString())
                .contains("Tulis tanggal dan jam");
        assertThat(reports.bySubmissionKey(bad)).isEmpty();
    }

    @Test
    void aSeveralChoicesQuestionCannotHaveACommaInAChoice() {
        Category other = categories.byCode("lainnya").orElseThrow();
        assertThatThrownBy(() -> catalogue.addQuestion(other.id(), new CatalogueAdmin.NewQuestion("jenis", "Jenis", "Kind",
                QuestionKind.MULTI_CHOICE, false, List.of("Kayu, besi", "Plastik"), 5)))
                .isInstanceOf(CatalogueAdmin.Rejected.class);
        assertThat(categories.byCode("lainnya").orElseThrow().questions()).noneMatch(q -> q.code().equals("jenis"));
    }

    private MockHttpServletRequestBuilder report(String categoryCode, String key) {
        Category category = categories.byCode(categoryCode).orElseThrow();
        GeoPoint inside = regions.centreOf(regions.kelurahans().get(5).code()).orElseThrow();
        return post("/laporan/baru").with(csrf()).param("submissionKey", key).param("categoryId", String.valueOf(category.id()))
                .param("description", "Laporan uji untuk pertanyaan tambahan kategori ini.")
                .param("lat", String.valueOf(inside.lat())).param("lon", String.valueOf(inside.lon())).param("confirmNew", "true");
    }

    private MockHttpServletResponse submit(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        return response;
    }
}
