package id.balai.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.balai.organisation.GeoPoint;
import id.balai.organisation.Regions;
import java.util.ArrayDeque;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DuplicateKeyException;

/**
 * Saving a submission without looking anything up first: the unique submission key and tracking code
 * decide, so a retry, a taken tracking code and an invalid retry must still come out right.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportSubmissionTest {

    @Autowired ReportSubmission submission;
    @Autowired Reports reports;
    @Autowired Categories categories;
    @Autowired Regions regions;

    @AfterEach
    void randomCodesAgain() {
        submission.useTrackingCodes(TrackingCode::generate);
    }

    @Test
    void aTakenTrackingCodeIsReplacedByAnotherAndBothReportsKeepTheirOwn() {
        Report first = saved(submission.submit(form(UUID.randomUUID().toString())));
        String fresh = unusedCode();
        submission.useTrackingCodes(codes(first.trackingCode(), first.trackingCode(), fresh));

        String key = UUID.randomUUID().toString();
        ReportSubmission.Outcome outcome = submission.submit(form(key));

        assertThat(outcome).isInstanceOfSatisfying(ReportSubmission.Saved.class, s -> assertThat(s.repeated()).isFalse());
        Report second = saved(outcome);
        assertThat(second.trackingCode()).isEqualTo(fresh);
        assertThat(reports.bySubmissionKey(key)).map(Report::trackingCode).contains(fresh);
        assertThat(reports.byTrackingCode(first.trackingCode())).map(Report::id).contains(first.id());
        assertThat(reports.timeline(second.id())).hasSize(1);
    }

    @Test
    void whenEveryTryFindsTheCodeTakenNothingIsSaved() {
        Report first = saved(submission.submit(form(UUID.randomUUID().toString())));
        submission.useTrackingCodes(() -> first.trackingCode());
        long before = reports.count();
        String key = UUID.randomUUID().toString();

        assertThatThrownBy(() -> submission.submit(form(key))).isInstanceOf(DuplicateKeyException.class);
        assertThat(reports.bySubmissionKey(key)).isEmpty();
        assertThat(reports.count()).isEqualTo(before);
    }

    @Test
    void theSameSubmissionAgainIsAnsweredWithTheSavedReport() {
        String key = UUID.randomUUID().toString();
        Report first = saved(submission.submit(form(key)));
        long before = reports.count();

        ReportSubmission.Outcome again = submission.submit(form(key));

        assertThat(again).isInstanceOfSatisfying(ReportSubmission.Saved.class, s -> {
            assertThat(s.repeated()).isTrue();
            assertThat(s.report().id()).isEqualTo(first.id());
            assertThat(s.report().citizenToken()).isEqualTo(first.citizenToken());
        });
        assertThat(reports.count()).isEqualTo(before);
    }

    @Test
    void aRetryOfASavedSubmissionIsAnsweredWithItsReportEvenIfTheFormNoLongerPasses() {
        String key = UUID.randomUUID().toString();
        Report first = saved(submission.submit(form(key)));
        SubmissionForm broken = form(key);
        broken.setDescription("pendek");

        assertThat(submission.submit(broken)).isInstanceOfSatisfying(ReportSubmission.Saved.class, s -> {
            assertThat(s.repeated()).isTrue();
            assertThat(s.report().id()).isEqualTo(first.id());
        });
        SubmissionForm brokenNew = form(UUID.randomUUID().toString());
        brokenNew.setDescription("pendek");
        assertThat(submission.submit(brokenNew)).isInstanceOf(ReportSubmission.Invalid.class);
    }

    private SubmissionForm form(String key) {
        GeoPoint inside = regions.centreOf(regions.kelurahans().get(2).code()).orElseThrow();
        SubmissionForm form = new SubmissionForm();
        form.setSubmissionKey(key);
        form.setCategoryId(categories.byCode("sampah").orElseThrow().id());
        form.setDescription("Sampah menumpuk di pinggir jalan dekat pasar.");
        form.setLat(inside.lat());
        form.setLon(inside.lon());
        return form;
    }

    private static Report saved(ReportSubmission.Outcome outcome) {
        assertThat(outcome).isInstanceOf(ReportSubmission.Saved.class);
        return ((ReportSubmission.Saved) outcome).report();
    }

    private String unusedCode() {
        String code = TrackingCode.generate();
        while (reports.byTrackingCode(code).isPresent()) code = TrackingCode.generate();
        return code;
    }

    private static java.util.function.Supplier<String> codes(String... codes) {
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(codes));
        return queue::removeFirst;
    }
}
