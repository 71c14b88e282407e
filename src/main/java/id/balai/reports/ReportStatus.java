package id.balai.reports;

import java.util.EnumSet;
import java.util.Set;

/** Where a report stands. */
public enum ReportStatus {
    /** Diterima: submitted, not yet checked by the complaint desk. */
    RECEIVED,
    /** Terverifikasi: a real report, waiting to be routed. */
    VERIFIED,
    /** Ditolak: spam, duplicate or not a report. */
    REJECTED,
    /** Didisposisikan: routed to an OPD. */
    ROUTED,
    /** Diproses: the OPD is working on it. */
    IN_PROGRESS,
    /** Selesai: the OPD says it is fixed; the citizen may confirm or reopen. */
    RESOLVED,
    /** Ditutup: confirmed by the citizen or closed automatically. */
    CLOSED,
    /** Dibuka kembali: the citizen says it is not fixed. */
    REOPENED;

    /** Statuses whose reports may be shown to the public (when not confidential). */
    public static final Set<ReportStatus> PUBLIC = EnumSet.of(VERIFIED, ROUTED, IN_PROGRESS, RESOLVED, CLOSED, REOPENED);

    /** Statuses in which somebody still has to act. */
    public static final Set<ReportStatus> OPEN = EnumSet.of(RECEIVED, VERIFIED, ROUTED, IN_PROGRESS, REOPENED);

    /** Statuses in which the responsible OPD has to act (the follow-up clock runs). */
    public static final Set<ReportStatus> WITH_AGENCY = EnumSet.of(ROUTED, IN_PROGRESS, REOPENED);

    /** Statuses in which the complaint desk has to act (the verification clock runs). */
    public static final Set<ReportStatus> WITH_DESK = EnumSet.of(RECEIVED, VERIFIED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
