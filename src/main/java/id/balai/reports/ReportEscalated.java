package id.balai.reports;

/**
 * A report passed a deadline. Level 1 goes to the head of the responsible OPD (or, before routing,
 * the complaint desk); level 2 goes to the complaint desk (or, before routing, the leadership).
 */
public record ReportEscalated(long reportId, String trackingCode, Stage stage, int level, Long agencyId) {

    public enum Stage { VERIFY, FOLLOW_UP }
}
