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

    @Override
    public Optional<ReportStatus> relay(String trackingCode, Relay relay) {
        return TrackingCode.normalise(trackingCode).flatMap(reports::byTrackingCode).map(r -> {
            Instant now = clock.instant();
            ReportStatus from = r.status();
            String comment = relay.comment() == null ? "" : relay.comment().strip();
            boolean commentUsed = false;
            try {
                if (relay.verdict() == Verdict.FIXED && from == ReportStatus.RESOLVED) {
                    r.confirm(now);
                } else if (relay.verdict() == Verdict.NOT_FIXED && from == ReportStatus.RESOLVED && !comment.isEmpty()) {
                    r.reopen(clip(comment), categories.byId(r.categoryId()).orElseThrow(), now, holidays.calendar());
                    commentUsed = true;
                }
            } catch (WorkflowException refused) {
                // too late to reopen, say: the reporter's word still reaches staff as a note below
            }
            if (!commentUsed && (!comment.isEmpty() || from == r.status() && relay.verdict() != Verdict.NONE)) {
                String verdict = relay.verdict() == Verdict.NONE ? "" : "[" + relay.verdict().name().toLowerCase(java.util.Locale.ROOT) + "] ";
                r.addNote(new Actor(relay.source().strip(), ROLE, null), clip((verdict + comment).strip()), false, now);
            }
            reports.update(r);
            if (from != r.status()) events.publishEvent(new ReportStatusChanged(r.id(), r.trackingCode(), from, r.status(), r.agencyId()));
            return r.status();
        });
    }

    private static String clip(String text) {
        return text.length() > ReportSubmission.MAX_DESCRIPTION ? text.substring(0, ReportSubmission.MAX_DESCRIPTION) : text;
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
        return clip(note.isEmpty() ? "—" : note);
    }
}
