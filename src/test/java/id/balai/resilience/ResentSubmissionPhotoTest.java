package id.balai.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.balai.organisation.GeoPoint;
import id.balai.organisation.Regions;
import id.balai.reports.domain.Categories;
import id.balai.reports.domain.PhotoStaging;
import id.balai.reports.domain.Report;
import id.balai.reports.domain.Reports;
import id.balai.support.TestImages;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What {@link KillDuringSubmissionsTest} saw once in a while, made certain: the server stores a form's
 * photo, dies before the report is saved, and the citizen's browser sends the very same form again
 * (same submission key, same file). The report must get that photo once, not twice.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResentSubmissionPhotoTest {

    @Autowired MockMvc mvc;
    @Autowired PhotoStaging staging;
    @Autowired Reports reports;
    @Autowired Categories categories;
    @Autowired Regions regions;

    @Test
    void aFormResentAfterTheServerDiedBetweenItsPhotoAndItsReportKeepsThePhotoOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        byte[] photo = TestImages.jpeg(640, 480);
        GeoPoint inside = regions.centreOf(regions.kelurahans().get(2).code()).orElseThrow();

        // The first try got as far as storing its photo (its own transaction) when the process died.
        staging.stage(key, photo);

        mvc.perform(multipart("/laporan/baru").file(new MockMultipartFile("photos", "sampah.jpg", "image/jpeg", photo))
                        .param("submissionKey", key).param("categoryId", String.valueOf(categories.byCode("sampah").orElseThrow().id()))
                        .param("description", "Sampah menumpuk di depan pasar sejak kemarin.")
                        .param("lat", String.valueOf(inside.lat())).param("lon", String.valueOf(inside.lon()))
                        .param("confirmNew", "true").with(csrf()))
                .andExpect(status().is3xxRedirection());

        Report saved = reports.bySubmissionKey(key).orElseThrow();
        assertThat(reports.photos(saved.id())).as("photos of the resent report").hasSize(1);
    }
}
