package id.balai.reports.domain;

import id.balai.calendar.Holidays;
import id.balai.reports.ExternalUpdates;
import id.balai.reports.ReportStatus;
import id.balai.reports.ReportStatusChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ExternalUpdates}: the source acts as a system actor, outside the staff policy. */
@Service
@Transactional
class ExternalUpdateRecorder implements ExternalUpdates {

    /** Who an outside system is in the timeline's role column. */
    static final String ROLE = "EXTERNAL";

    private final Reports reports;
    private final Categories categories;
    private final Holidays holidays;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExternalUpdateRecorder(Reports reports, Categories categories, Holidays holidays, ApplicationEventPublisher events, Clock clock) {
        this.reports = reports;
        this.categories = categories;
        this.holidays = holidays;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<ReportStatus> record(long reportId, Update update) {
        return reports.byId(reportId).map(r -> apply(r, update));
    }

    @Override
    public Optional<ReportStatus> record(String trackingCode, Update update) {
        return TrackingCode.normalise(trackingCode).flatMap(reports::byTrackingCode).map(r -> apply(r, update));
    }

    private ReportStatus apply(Report r, Update update) {
        Actor actor = new Actor(update.source().strip(), ROLE, null);
        String note = note(update);
        Instant now = clock.instant();
        ReportStatus from = r.status();
        if (update.resolves() && r.possibleActions().contains(StaffAction.RESOLVE)) {
            r.resolve(actor, note, categories.byId(r.categoryId()).orElseThrow(), now, holidays.calendar());
        } else {
            r.externalUpdate(actor, note, now);
        }
        reports.update(r);
        if (from != r.status()) events.publishEvent(new ReportStatusChanged(r.id(), r.trackingCode(), from, r.status(), r.agencyId()));
        return r.status();
    }

    /** "[fixed] Lubang sudah ditambal": the source's status word first, so a line without text still says something. */
    private static String note(Update update) {
        String status = update.externalStatus() == null || update.externalStatus().isBlank() ? "" : "[" + update.externalStatus().strip() + "] ";
        String text = update.description() == null ? "" : update.description().strip();
        String note = (status + text).strip();
        if (note.isEmpty()) note = "—";
        return note.length() > ReportSubmission.MAX_DESCRIPTION ? note.substring(0, ReportSubmission.MAX_DESCRIPTION) : note;
    }
}
