package id.balai.reports.domain;

import id.balai.reports.ReportStatus;
import java.time.Instant;

/** One line of a report's history: shown to the public when {@code publicNote}, always to staff. */
public record TimelineEntry(Instant at, String actor, String actorRole, Action action, ReportStatus from,
        ReportStatus to, String note, boolean publicNote, Long agencyId) {

    public enum Action {
        SUBMITTED, VERIFIED, REJECTED, ROUTED, STARTED, HANDED_BACK, RESOLVED, CONFIRMED, REOPENED, AUTO_CLOSED,
        NOTE, MERGED, MERGED_INTO, ESCALATED, MODERATED, PHOTO_HIDDEN, RATED, SUPPORTED,
        /** A public update from an outside system or partner (e.g. the provincial system a report was forwarded to). */
        EXTERNAL_UPDATE
    }
}
