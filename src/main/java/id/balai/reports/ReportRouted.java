package id.balai.reports;

/** A report was routed (disposisi) to an OPD, automatically or by the complaint desk. */
public record ReportRouted(long reportId, String trackingCode, long agencyId) {}
