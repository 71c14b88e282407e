package id.balai.reports.domain;

import id.balai.platform.images.PhotoProcessor;
import id.balai.calendar.Holidays;
import id.balai.identity.StaffPrincipal;
import id.balai.organisation.Regions;
import id.balai.platform.storage.FileStorage;
import id.balai.reports.ReportRouted;
import id.balai.reports.ReportStatus;
import id.balai.reports.ReportStatusChanged;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff side of the workflow. Every method checks, on the server, that this staff member may take
 * this action on this report, then applies the domain rule and records who, when and why.
 */
@Service
@Transactional
public class ReportWorkflow {

    private final Reports reports;
    private final Categories categories;
    private final Regions regions;
    private final ReportPolicy policy;
    private final Holidays holidays;
    private final PhotoProcessor photos;
    private final FileStorage storage;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportWorkflow(Reports reports, Categories categories, Regions regions, ReportPolicy policy, Holidays holidays,
            PhotoProcessor photos, FileStorage storage, ApplicationEventPublisher events, Clock clock) {
        this.reports = reports;
        this.categories = categories;
        this.regions = regions;
        this.policy = policy;
        this.holidays = holidays;
        this.photos = photos;
        this.storage = storage;
        this.events = events;
        this.clock = clock;
    }

    /** Verifies and, when the category and area name a responsible OPD, routes it there at once. */
    public void verify(StaffPrincipal staff, String code) {
        Report r = load(staff, StaffAction.VERIFY, code);
        ReportStatus from = r.status();
        r.verify(Actor.of(staff), now());
        Category category = category(r);
        Optional<Long> agency = categories.responsibleAgency(category, r.kelurahanCode());
        agency.ifPresent(a -> r.route(Actor.of(staff), a, category, now(), holidays.calendar()));
        save(r, from);
        agency.ifPresent(a -> events.publishEvent(new ReportRouted(r.id(), r.trackingCode(), a)));
    }

    public void reject(StaffPrincipal staff, String code, Report.RejectReason reason, String note) {
        Report r = load(staff, StaffAction.REJECT, code);
        ReportStatus from = r.status();
        if (reason == null) throw new WorkflowException("error.workflow.reason-required");
        r.reject(Actor.of(staff), reason, note, now());
        save(r, from);
    }

    public void route(StaffPrincipal staff, String code, long agencyId) {
        Report r = load(staff, StaffAction.ROUTE, code);
        if (regions.agency(agencyId).isEmpty()) throw new WorkflowException("error.agency.unknown");
        ReportStatus from = r.status();
        r.route(Actor.of(staff), agencyId, category(r), now(), holidays.calendar());
        save(r, from);
        events.publishEvent(new ReportRouted(r.id(), r.trackingCode(), agencyId));
    }

    public void merge(StaffPrincipal staff, String code, String targetCode) {
        Report r = load(staff, StaffAction.MERGE, code);
        String normalised = TrackingCode.normalise(targetCode).orElseThrow(() -> new WorkflowException("error.report.unknown"));
        Report target = reports.byTrackingCode(normalised).orElseThrow(() -> new WorkflowException("error.report.unknown"));
        ReportStatus from = r.status();
        r.mergeInto(Actor.of(staff), target, now());
        save(r, from);
        reports.update(target);
    }

    public void moderate(StaffPrincipal staff, String code, String publicText) {
        Report r = load(staff, StaffAction.MODERATE, code);
        String text = publicText == null ? "" : publicText.strip();
        if (text.isEmpty() || text.length() > ReportSubmission.MAX_DESCRIPTION) throw new WorkflowException("error.description.long");
        r.moderate(Actor.of(staff), text.equals(r.description()) ? null : text, now());
        reports.update(r);
    }

    public void hidePhoto(StaffPrincipal staff, String code, long photoId) {
        Report r = load(staff, StaffAction.HIDE_PHOTO, code);
        reports.hidePhoto(r.id(), photoId);
        r.photoHidden(Actor.of(staff), photoId, now());
        reports.update(r);
    }

    public void start(StaffPrincipal staff, String code) {
        Report r = load(staff, StaffAction.START, code);
        ReportStatus from = r.status();
        r.start(Actor.of(staff), now());
        save(r, from);
    }

    public void handBack(StaffPrincipal staff, String code, String reason) {
        Report r = load(staff, StaffAction.HAND_BACK, code);
        ReportStatus from = r.status();
        r.handBack(Actor.of(staff), reason, category(r), now(), holidays.calendar());
        save(r, from);
    }

    /** Resolves with a public note and, optionally, an after-photo (processed like citizens' photos). */
    public void resolve(StaffPrincipal staff, String code, String note, byte[] afterPhoto) throws PhotoProcessor.RejectedPhoto {
        Report r = load(staff, StaffAction.RESOLVE, code);
        PhotoProcessor.Processed processed = afterPhoto == null || afterPhoto.length == 0 ? null : photos.process(afterPhoto);
        ReportStatus from = r.status();
        r.resolve(Actor.of(staff), note, category(r), now(), holidays.calendar());
        save(r, from);
        if (processed != null) {
            try {
                String key = storage.store("reports", processed.jpeg(), "jpg");
                String thumb = storage.store("reports", processed.thumbnail(), "jpg");
                reports.addPhoto(r.id(), "AFTER", key, thumb, processed.width(), processed.height(), now());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public void addNote(StaffPrincipal staff, String code, String note, boolean publicNote) {
        Report r = load(staff, publicNote ? StaffAction.NOTE_PUBLIC : StaffAction.NOTE_INTERNAL, code);
        r.addNote(Actor.of(staff), note, publicNote, now());
        reports.update(r);
    }

    /** The actions this person may take on this report now. */
    @Transactional(readOnly = true)
    public java.util.Set<StaffAction> availableActions(StaffPrincipal staff, Report report) {
        java.util.Set<StaffAction> actions = policy.allowed(staff, report);
        actions.retainAll(report.possibleActions());
        return actions;
    }

    /** A report this staff member may see, or an access-denied error. */
    @Transactional(readOnly = true)
    public Report view(StaffPrincipal staff, String code) {
        Report r = find(code);
        policy.checkView(staff, r);
        return r;
    }

    private Report load(StaffPrincipal staff, StaffAction action, String code) {
        Report r = find(code);
        policy.check(staff, action, r);
        return r;
    }

    private Report find(String code) {
        return TrackingCode.normalise(code).flatMap(reports::byTrackingCode)
                .orElseThrow(() -> new WorkflowException("error.report.unknown"));
    }

    private void save(Report r, ReportStatus from) {
        reports.update(r);
        if (from != r.status()) {
            events.publishEvent(new ReportStatusChanged(r.id(), r.trackingCode(), from, r.status(), r.agencyId()));
        }
    }

    private Category category(Report r) {
        return categories.byId(r.categoryId()).orElseThrow();
    }

    private Instant now() {
        return clock.instant();
    }
}
