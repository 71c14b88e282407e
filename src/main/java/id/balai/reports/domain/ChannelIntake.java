package id.balai.reports.domain;

import id.balai.platform.images.PhotoProcessor;
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
    private final Reports reports;

    ChannelIntake(ReportSubmission submission, PhotoStaging staging, Categories categories, Reports reports) {
        this.submission = submission;
        this.staging = staging;
        this.categories = categories;
        this.reports = reports;
    }

    @Override
    public Optional<Filed> filed(String key) {
        return reports.bySubmissionKey(key).map(r -> new Filed(r.trackingCode(), true,
                categories.byId(r.categoryId()).map(Category::verifyDays).orElse(0)));
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
            discardStaged(s.key());
            return new Refused(problems);
        }
        ReportSubmission.Outcome outcome = submission.submit(form);
        if (outcome instanceof ReportSubmission.Invalid invalid) {
            discardStaged(s.key());
            return new Refused(invalid.problems());
        }
        ReportSubmission.Saved saved = (ReportSubmission.Saved) outcome;
        return new Filed(saved.report().trackingCode(), saved.repeated(), category.get().verifyDays());
    }

    /** A channel sends its photos again with its next try: none of a refused one's are left behind. */
    private void discardStaged(String key) {
        staging.staged(key).forEach(photo -> staging.remove(key, photo.id()));
    }
}
