package id.balai.reports;

import java.util.Optional;

/** What other modules may read about a report, for notifications. */
public interface ReportLookup {

    Optional<ReportNotice> notice(long reportId);

    /**
     * The facts a notification needs. {@code citizenEmail} is personal data: use it to send, never
     * log it. {@code citizenLink} carries the citizen's private token.
     */
    record ReportNotice(long reportId, String trackingCode, ReportStatus status, String categoryName,
            String kelurahanName, Long agencyId, String citizenEmail, String citizenLink, String staffLink,
            String latestPublicNote) {}
}
