package id.balai.reports;

/** A report moved from one status to another; {@code agencyId} is the responsible OPD after the change. */
public record ReportStatusChanged(long reportId, String trackingCode, ReportStatus from, ReportStatus to, Long agencyId) {}
