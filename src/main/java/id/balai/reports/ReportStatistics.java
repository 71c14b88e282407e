package id.balai.reports;

import java.time.YearMonth;
import java.util.List;

/**
 * Counts of reports for open data: per month of submission (in the city's time zone), category and
 * kelurahan. Confidential reports are left out altogether; nothing about any single report is in a count.
 */
public interface ReportStatistics {

    /** Every month, category and kelurahan with at least one report, oldest month first. */
    List<Count> monthly();

    /**
     * {@code received}: reports submitted (every status, confidential ones aside); {@code published}: those
     * the public sees; {@code resolved}: published ones that are resolved or closed.
     */
    record Count(YearMonth month, String categoryCode, String kelurahanCode, int received, int published, int resolved) {}
}
