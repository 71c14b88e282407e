package id.balai.open311;

import id.balai.reports.PublicReportQuery.PublicUpdate;
import id.balai.reports.ReportStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * Balai's workflow in the three vocabularies partners speak: plain GeoReport v2 (open/closed), CitySDK's
 * detailed status, and mySociety's update statuses. The partner page ({@code /open311}) prints its table
 * from these same methods.
 */
final class Open311Statuses {

    /** Plain v2 knows only two states; RESOLVED counts as closed (the work is done), as FixMyStreet's "fixed". */
    static final Set<ReportStatus> CLOSED = EnumSet.of(ReportStatus.RESOLVED, ReportStatus.CLOSED);

    private Open311Statuses() {}

    static String v2(ReportStatus status) {
        return CLOSED.contains(status) ? "closed" : "open";
    }

    static String detailed(ReportStatus status) {
        return switch (status) {
            case RECEIVED, VERIFIED -> "RECEIVED";
            case ROUTED, IN_PROGRESS, REOPENED -> "IN_PROCESS";
            case RESOLVED -> "PROCESSED";
            case CLOSED -> "ARCHIVED";
            case REJECTED -> "REJECTED";
        };
    }

    static String mySociety(ReportStatus status) {
        return switch (status) {
            case RECEIVED -> "for_triage";
            case VERIFIED -> "investigating";
            case ROUTED -> "action_scheduled";
            case IN_PROGRESS -> "in_progress";
            case RESOLVED -> "fixed";
            case CLOSED -> "closed";
            case REOPENED -> "reopen";
            case REJECTED -> "no_further_action";
        };
    }

    /** mySociety's status for a line of history; null for lines a partner has no use for (ratings, moderation). */
    static String mySociety(PublicUpdate u) {
        return switch (u.action()) {
            case "SUBMITTED" -> "open";
            case "VERIFIED" -> "investigating";
            case "ROUTED" -> "action_scheduled";
            case "STARTED" -> "in_progress";
            case "HANDED_BACK" -> "internal_referral";
            case "RESOLVED" -> "fixed";
            case "CONFIRMED", "AUTO_CLOSED" -> "closed";
            case "REOPENED" -> "reopen";
            case "MERGED_INTO" -> "duplicate";
            case "REJECTED" -> "no_further_action";
            case "NOTE", "EXTERNAL_UPDATE" -> mySociety(u.toStatus() != null ? u.toStatus() : u.statusNow());
            default -> null;
        };
    }
}
