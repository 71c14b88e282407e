package id.balai.reports.domain;

import id.balai.platform.FieldProblem;
import id.balai.reports.ReportIntake;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link ReportIntake} through the web form's own path: the photos are staged, then {@link ReportSubmission} decides. */
@Component
class ChannelIntake implements ReportIntake {

    private final ReportSubmission submission;
    private final PhotoStaging staging;
    private final Categories categories;

    ChannelIntake(ReportSubmission submission, PhotoStaging staging, Categories categories) {
        this.submission = submission;
        this.staging = staging;
        this.categories = categories;
    }

    @Override
    public Result submit(Submission s) {
        SubmissionForm form = new SubmissionForm();
        form.setSubmissionKey(s.key());
        Optional<Category> category = s.categoryCode() == null ? Optional.empty() : categories.activeByCode(s.categoryCode());
        category.ifPresent(c -> form.setCategoryId(c.id()));
        form.setDescription(s.description());
        form.setLat(s.lat());
        form.setLon(s.lon());
        form.setAddress(s.address());
        form.setName(s.name());
        form.setPhone(s.phone());
        form.setEmail(s.email());
        form.setAnswers(s.answers());
        form.setAnonymous(true);
        form.setChannel(s.channel());

        List<FieldProblem> problems = new ArrayList<>();
        for (byte[] photo : s.photos()) {
            try {
                staging.stage(s.key(), photo);
            } catch (PhotoProcessor.RejectedPhoto e) {
                FieldProblem.addNew(problems, List.of(new FieldProblem("photos", e.messageKey())));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (category.isEmpty()) problems.add(new FieldProblem("categoryId", "error.category.required"));
        if (!problems.isEmpty()) {
            FieldProblem.addNew(problems, submission.validate(form));
            return new Refused(problems);
        }
        ReportSubmission.Outcome outcome = submission.submit(form);
        if (outcome instanceof ReportSubmission.Invalid invalid) return new Refused(invalid.problems());
        ReportSubmission.Saved saved = (ReportSubmission.Saved) outcome;
        return new Filed(saved.report().trackingCode(), saved.repeated(), category.get().verifyDays());
    }
}
