package id.balai.reports;

import java.util.Optional;

/**
 * A public update on a report from an outside system or partner: the provincial system a report was
 * forwarded to, or a partner posting a comment through Open311. Each becomes a public timeline line
 * named after the source and moves the report's {@code updated_at}, so public pages and Open311 clients
 * see it. The line is dated when Balai records it, not when the source says it happened: clients that
 * poll Balai by time window would otherwise never see an update that arrived late.
 */
public interface ExternalUpdates {

    /**
     * Records {@code update} on the report; empty when there is no such report. A {@code resolves} update
     * resolves the report when its workflow allows that now (routed, in progress or reopened), acting for
     * the source, so the citizen can confirm or reopen and the auto-close clock starts; in any other status
     * it is a note only: an outside system never moves a report backwards or past the complaint desk.
     */
    Optional<ReportStatus> record(long reportId, Update update);

    /** The same for the report with this tracking code. */
    Optional<ReportStatus> record(String trackingCode, Update update);

    /**
     * What a partner system relays about a report (FixMyStreet posting its user's update). A verdict comes
     * only from the reporter, as the partner vouches: {@link Verdict#FIXED} confirms a resolved report and
     * {@link Verdict#NOT_FIXED} reopens it with the comment as the public reason, exactly as the citizen's own
     * link does. Any other comment, or a verdict the report's status does not allow now, is kept as an
     * internal note for staff named after the source. Empty when there is no such report.
     */
    Optional<ReportStatus> relay(String trackingCode, Relay relay);

    /** {@code source} as in {@link Update}; {@code comment} may be blank. */
    record Relay(String source, Verdict verdict, String comment) {

        public Relay {
            if (source == null || source.isBlank() || source.strip().length() > 60) throw new IllegalArgumentException("source: 1-60 characters");
            if (verdict == null) verdict = Verdict.NONE;
        }
    }

    /** The reporter's word on the work, if any. */
    enum Verdict { NONE, FIXED, NOT_FIXED }

    /**
     * {@code source} names the system (at most 60 characters: it is shown as who made the change);
     * {@code externalStatus} the source's own word for the state (e.g. mySociety's {@code fixed}), may be
     * null; {@code description} its public text, may be blank when the status says it all.
     */
    record Update(String source, String externalStatus, String description, boolean resolves) {

        public Update {
            if (source == null || source.isBlank() || source.strip().length() > 60) throw new IllegalArgumentException("source: 1-60 characters");
        }
    }
}
