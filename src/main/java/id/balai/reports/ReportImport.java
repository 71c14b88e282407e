package id.balai.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Brings in reports with their past: each report as it was submitted plus the steps that happened to
 * it, at the times they happened (migrating from SP4N-LAPOR! or a city's old system, and the demo
 * city). Every step goes through the same workflow rules as live work, so an impossible history is
 * refused. Nothing is announced: importing publishes no events and sends no notifications.
 */
public interface ReportImport {

    /**
     * Imports one report in the caller's transaction (or its own). Steps must be in time order, not
     * before the submission and not in the future.
     *
     * @throws IllegalArgumentException when the report or a step is invalid; the message names the step
     */
    Imported importReport(ReportSpec spec, List<Step> steps, Deadlines deadlines);

    /**
     * Adds a photo to an imported report, processed like an upload (checked, at most 2048 px, EXIF
     * removed): {@link PhotoKind#BEFORE} from the citizen (at most 3), {@link PhotoKind#AFTER} from the OPD.
     * Separate from {@link #importReport} so that photos, the slow part, can follow later.
     *
     * @throws IllegalArgumentException for an unknown report, a refused image or an impossible time
     */
    void addPhoto(long reportId, PhotoKind kind, byte[] image, Instant takenAt);

    enum PhotoKind { BEFORE, AFTER }

    /**
     * A report as the citizen sent it. Give a point ({@code lat}, {@code lon}) inside the city, or else
     * a {@code kelurahanCode} (the report is then placed at its centre, marked imprecise). Given
     * {@code answers} must fit the category's questions, but a required one may be missing: older
     * systems did not ask it. {@code channel} is a code such as WEB, WHATSAPP, TELEGRAM or SMS.
     */
    record ReportSpec(String categoryCode, String description, Double lat, Double lon, String kelurahanCode,
            String address, boolean anonymous, boolean confidential, String channel, Instant submittedAt,
            String reporterName, String reporterPhone, String reporterEmail, Map<String, String> answers) {

        public ReportSpec {
            channel = channel == null ? "WEB" : channel;
            answers = answers == null ? Map.of() : Map.copyOf(answers);
        }
    }

    /** What to do about deadlines that passed during the imported history. */
    enum Deadlines {
        /** Keep the history as given; the SLA job escalates and closes what is overdue on its next run. */
        AS_GIVEN,
        /**
         * Add the escalations and automatic closures that Balai's SLA job would have made, at the times
         * it would have made them, up to now: the history reads as if Balai had run all along.
         */
        ENFORCED
    }

    /** The imported report. */
    record Imported(long id, String trackingCode, ReportStatus status, int escalationLevel) {}

    enum RejectReason { SPAM, DUPLICATE, NOT_A_REPORT }

    /**
     * One thing that happened. {@code staff} is the user name of a staff account, which must have been
     * allowed to take the step then; {@value #SYSTEM} stands for Balai itself (automatic routing of
     * emergencies). Citizen steps need no name.
     */
    sealed interface Step permits Verify, Reject, Route, HandBack, Start, Note, Resolve, Confirm, Reopen, Rate, Support {

        String SYSTEM = "sistem";

        Instant at();
    }

    record Verify(Instant at, String staff) implements Step {}

    record Reject(Instant at, String staff, RejectReason reason, String note) implements Step {}

    /** Disposisi to an OPD. */
    record Route(Instant at, String staff, long agencyId) implements Step {}

    /** "Bukan wewenang": the OPD hands the report back to the complaint desk. */
    record HandBack(Instant at, String staff, String reason) implements Step {}

    record Start(Instant at, String staff) implements Step {}

    record Note(Instant at, String staff, String text, boolean publicNote) implements Step {}

    /** The OPD says it is fixed; the note is public. */
    record Resolve(Instant at, String staff, String note) implements Step {}

    /** The citizen confirms the fix. */
    record Confirm(Instant at) implements Step {}

    /** The citizen says it is not fixed. */
    record Reopen(Instant at, String reason) implements Step {}

    record Rate(Instant at, int stars, String comment) implements Step {}

    /** "Saya juga" from one browser or person, identified by {@code supporterKey}. */
    record Support(Instant at, String supporterKey) implements Step {}
}
