package id.balai.reports;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Reports as the public may see them, for other channels (the Open311 API): only published reports
 * (never confidential, never before verification, never rejected), and nothing about the reporter.
 */
public interface PublicReportQuery {

    /** Matching reports, newest first, {@code limit} of them after skipping {@code offset}. */
    List<PublicReport> find(Criteria criteria, int offset, int limit);

    /**
     * What to look for; empty sets and null times do not filter. {@code trackingCodes}, when given,
     * replaces every other criterion.
     */
    record Criteria(Set<String> trackingCodes, Set<String> categoryCodes, Instant submittedFrom, Instant submittedBefore,
            Set<ReportStatus> statuses) {}

    /**
     * A published report. {@code text} is the public text (as moderated); {@code statusNote} the newest
     * public note; {@code dueAt} the deadline of the current step (null when there is none);
     * {@code photoKey} the storage key of the first photo not hidden by moderation.
     */
    record PublicReport(String trackingCode, ReportStatus status, String statusNote, String categoryCode,
            String categoryNameId, String categoryNameEn, String text, Long agencyId, Instant submittedAt, Instant updatedAt,
            Instant dueAt, String address, double lat, double lon, String photoKey) {}
}
