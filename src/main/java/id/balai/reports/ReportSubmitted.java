package id.balai.reports;

/** A citizen's report was saved. */
public record ReportSubmitted(long reportId, String trackingCode, long categoryId, String kelurahanCode, boolean emergency) {}
