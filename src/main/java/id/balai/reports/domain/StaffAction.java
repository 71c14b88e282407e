package id.balai.reports.domain;

/** What a staff member can do to a report; {@link ReportPolicy} says who may. */
public enum StaffAction {
    VERIFY, REJECT, ROUTE, MERGE, MODERATE, HIDE_PHOTO, START, HAND_BACK, RESOLVE, NOTE_PUBLIC, NOTE_INTERNAL
}
