package id.balai.reports;

import java.util.Map;
import java.util.Optional;

/** What other modules may read about a report: for notifications, and for handing it over to another system. */
public interface ReportLookup {

    Optional<ReportNotice> notice(long reportId);

    /**
     * What another system needs to take a report over (forwarding to a provincial system): the public text
     * (as moderated), the place and the answers to the category's questions. Never the reporter: the
     * privacy rule holds for systems outside Balai too. {@code published} is {@code Report.isPublic()}.
     */
    Optional<ReportContent> content(long reportId);

    record ReportContent(long reportId, String trackingCode, String categoryCode, ReportStatus status, boolean published,
            String text, double lat, double lon, String address, Map<String, String> answers) {}

    /**
     * The facts a notification needs. {@code citizenEmail} is personal data: use it to send, never
     * log it. {@code citizenLink} carries the citizen's private token.
     */
    record ReportNotice(long reportId, String trackingCode, ReportStatus status, String categoryName,
            String kelurahanName, Long agencyId, String citizenEmail, String citizenLink, String staffLink,
            String latestPublicNote) {}
}
