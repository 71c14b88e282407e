package id.balai.reports;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports as the public may see them, for other channels (the Open311 API): only published reports
 * (never confidential, never before verification, never rejected), and nothing about the reporter.
 */
public interface PublicReportQuery {

    /** Matching reports, newest first, {@code limit} of them after skipping {@code offset}. */
    List<PublicReport> find(Criteria criteria, int offset, int limit);

    /** The report with this tracking code, if the public may see it. */
    default java.util.Optional<PublicReport> published(String trackingCode) {
        return find(new Criteria(Set.of(trackingCode), Set.of(), null, null, Set.of()), 0, 1).stream().findFirst();
    }

    /**
     * What to look for; empty sets and null times do not filter. {@code trackingCodes}, when given,
     * replaces every other criterion.
     */
    record Criteria(Set<String> trackingCodes, Set<String> categoryCodes, Instant submittedFrom, Instant submittedBefore,
            Set<ReportStatus> statuses, Instant updatedFrom, Instant updatedBefore, Set<Long> agencyIds, Near near, Box box,
            String keyword, Set<String> kelurahanCodes) {

        public Criteria(Set<String> trackingCodes, Set<String> categoryCodes, Instant submittedFrom, Instant submittedBefore,
                Set<ReportStatus> statuses) {
            this(trackingCodes, categoryCodes, submittedFrom, submittedBefore, statuses, null, null, Set.of(), null, null, null, Set.of());
        }

        /** Everything public, or one category and/or one kelurahan (null: all), submitted in a window (nulls: no bound). */
        public static Criteria of(String categoryCode, String kelurahanCode, Instant from, Instant before) {
            return new Criteria(Set.of(), categoryCode == null ? Set.of() : Set.of(categoryCode), from, before, Set.of(), null, null,
                    Set.of(), null, null, null, kelurahanCode == null ? Set.of() : Set.of(kelurahanCode));
        }
    }

    /**
     * Figures for a home page: published reports in a kelurahan (its code) or the whole city (null), how many
     * of them are resolved or closed, and how many were submitted since {@code since}.
     */
    PublicFigures figures(String kelurahanCode, Instant since);

    record PublicFigures(long published, long resolved, long recent) {
        /** The resolved share in whole percent (0 when there is nothing yet). */
        public int resolvedPercent() {
            return published == 0 ? 0 : (int) Math.round(100.0 * resolved / published);
        }
    }

    /** The {@code limit} matching reports changed most recently, newest change first (for feeds). */
    List<PublicReport> recentlyUpdated(Criteria criteria, int limit);

    /** Every matching report, newest first, handed over one by one without holding them all (for exports). */
    void each(Criteria criteria, java.util.function.Consumer<PublicReport> consumer);

    /** Within {@code metres} of a point. */
    record Near(double lat, double lon, double metres) {}

    /** Inside a box of latitudes and longitudes (edges included). */
    record Box(double south, double west, double north, double east) {}

    /** The public history of each of these reports (by tracking code), oldest first. */
    Map<String, List<PublicNote>> publicNotes(Collection<String> trackingCodes);

    /** The storage keys of each report's photos the public may see (before, then after), by tracking code. */
    Map<String, List<String>> publicPhotoKeys(Collection<String> trackingCodes);

    /**
     * The public lines of every published report's history in a time window, oldest first, at most
     * {@code limit}: what a partner system polls to follow the reports it sent.
     */
    List<PublicUpdate> updates(Instant from, Instant before, int limit);

    /**
     * One public line of a report's history. {@code action} is the timeline's (VERIFIED, ROUTED, STARTED,
     * RESOLVED, NOTE …); {@code statusNow} the report's status at the time of the query, for lines without one;
     * {@code photoKey} the resolution photo on a RESOLVED line.
     */
    record PublicUpdate(long id, String trackingCode, Instant at, String action, ReportStatus toStatus, ReportStatus statusNow,
            String note, String photoKey) {}

    /** A public note of the timeline: a status change or a note staff made public. */
    record PublicNote(Instant at, String action, ReportStatus toStatus, String note) {}

    /**
     * A published report. {@code text} is the public text (as moderated); {@code statusNote} the newest
     * public note; {@code dueAt} the deadline of the current step (null when there is none);
     * {@code photoKey} the storage key of the first photo not hidden by moderation.
     */
    record PublicReport(String trackingCode, ReportStatus status, String statusNote, String categoryCode,
            String categoryNameId, String categoryNameEn, String text, Long agencyId, Instant submittedAt, Instant updatedAt,
            Instant dueAt, String address, double lat, double lon, String photoKey, String channel, String kelurahanCode,
            int supporters) {}
}
