package id.balai.reports.domain;

import static id.balai.reports.ReportStatus.*;

import id.balai.calendar.WorkingCalendar;
import id.balai.reports.ReportStatus;
import id.balai.reports.domain.TimelineEntry.Action;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A citizen's report and its workflow rules. Each transition checks that it is allowed from the
 * current status, moves the SLA clocks and records a timeline entry; persisting is the repository's
 * job ({@link Reports}).
 */
public class Report {

    public enum RejectReason { SPAM, DUPLICATE, NOT_A_REPORT }

    Long id;
    String trackingCode;
    String submissionKey;
    String citizenToken;
    long categoryId;
    String description;
    String publicDescription;
    double lat;
    double lon;
    String address;
    boolean locationPrecise;
    String kelurahanCode;
    Long agencyId;
    ReportStatus status;
    boolean anonymous;
    boolean confidential;
    String channel;
    Instant submittedAt;
    Instant updatedAt;
    Instant routedAt;
    Instant verifyDueAt;
    Instant followUpDueAt;
    Instant resolvedAt;
    Instant autoCloseDueAt;
    Instant closedAt;
    int escalationLevel;
    Long duplicateOf;
    int supporters;
    /** Supporters added through this object since it was loaded: saved as a delta, so a stale copy never lowers the count. */
    int supportersAdded;
    Integer rating;
    String ratingComment;
    int version;
    /** Whether the stored row is public, to keep the map cells right when that changes. */
    boolean publishedStored;
    /** {@link #publicFace()} of the stored row. */
    List<Object> publicFaceStored;

    final List<TimelineEntry> newEntries = new ArrayList<>();

    Report() {}

    /** A new report as submitted; the verification clock starts now. */
    static Report submit(String trackingCode, String submissionKey, String citizenToken, Category category,
            String description, double lat, double lon, String address, boolean locationPrecise, String kelurahanCode,
            boolean anonymous, boolean confidential, String channel, Instant now, WorkingCalendar calendar) {
        Report r = new Report();
        r.trackingCode = trackingCode;
        r.submissionKey = submissionKey;
        r.citizenToken = citizenToken;
        r.categoryId = category.id();
        r.description = description;
        r.lat = lat;
        r.lon = lon;
        r.address = address;
        r.locationPrecise = locationPrecise;
        r.kelurahanCode = kelurahanCode;
        r.status = RECEIVED;
        r.anonymous = anonymous;
        r.confidential = confidential;
        r.channel = channel;
        r.submittedAt = now;
        r.updatedAt = now;
        r.verifyDueAt = calendar.addWorkingDays(now, category.verifyDays());
        r.record(Actor.CITIZEN, Action.SUBMITTED, null, RECEIVED, null, true, null, now);
        return r;
    }

    // --- the complaint desk -------------------------------------------------------------------

    void verify(Actor actor, Instant now) {
        require(EnumSet.of(RECEIVED));
        move(actor, Action.VERIFIED, VERIFIED, null, true, now);
    }

    void reject(Actor actor, RejectReason reason, String note, Instant now) {
        require(EnumSet.of(RECEIVED, VERIFIED));
        move(actor, Action.REJECTED, REJECTED, "[" + reason.name() + "] " + nullToEmpty(note), false, now);
        closedAt = now;
    }

    /** Disposisi: routes to an OPD; the OPD's follow-up clock starts now (verifying first if needed). */
    void route(Actor actor, long agency, Category category, Instant now, WorkingCalendar calendar) {
        require(EnumSet.of(RECEIVED, VERIFIED, ROUTED, IN_PROGRESS, REOPENED));
        if (status == RECEIVED) verify(actor, now);
        if (agencyId != null && agencyId == agency && status != VERIFIED) throw new WorkflowException("error.workflow.same-agency");
        agencyId = agency;
        routedAt = now;
        followUpDueAt = calendar.addWorkingDays(now, category.followUpDays());
        escalationLevel = 0;
        move(actor, Action.ROUTED, ROUTED, null, true, now);
        newEntries.set(newEntries.size() - 1, withAgency(newEntries.get(newEntries.size() - 1), agency));
    }

    /** Penggabungan: this report repeats {@code target}; it closes and its supporters move over. */
    void mergeInto(Actor actor, Report target, Instant now) {
        if (target.id.equals(id)) throw new WorkflowException("error.workflow.merge-self");
        if (!target.status.isOpen() && target.status != RESOLVED) throw new WorkflowException("error.workflow.merge-closed");
        require(EnumSet.of(RECEIVED, VERIFIED, ROUTED, IN_PROGRESS, REOPENED));
        duplicateOf = target.id;
        move(actor, Action.MERGED_INTO, REJECTED, "[DUPLICATE] " + target.trackingCode, false, now);
        closedAt = now;
        target.supporters += 1 + supporters;
        target.supportersAdded += 1 + supporters;
        target.record(actor, Action.MERGED, target.status, target.status, trackingCode, false, null, now);
        target.updatedAt = now;
    }

    void moderate(Actor actor, String newPublicText, Instant now) {
        publicDescription = newPublicText;
        record(actor, Action.MODERATED, status, status, null, false, null, now);
        updatedAt = now;
    }

    // --- the responsible OPD ------------------------------------------------------------------

    void start(Actor actor, Instant now) {
        require(EnumSet.of(ROUTED, REOPENED));
        move(actor, Action.STARTED, IN_PROGRESS, null, true, now);
    }

    /**
     * "Bukan wewenang": the OPD hands the report back to the complaint desk with a reason. The
     * follow-up clock stops, so the time it held the report is not counted against the next OPD, and
     * the desk gets a fresh verification window to route it again.
     */
    void handBack(Actor actor, String reason, Category category, Instant now, WorkingCalendar calendar) {
        require(EnumSet.of(ROUTED, IN_PROGRESS, REOPENED));
        if (reason == null || reason.isBlank()) throw new WorkflowException("error.workflow.reason-required");
        Long from = agencyId;
        agencyId = null;
        routedAt = null;
        followUpDueAt = null;
        escalationLevel = 0;
        verifyDueAt = calendar.addWorkingDays(now, category.verifyDays());
        move(actor, Action.HANDED_BACK, VERIFIED, reason, false, now);
        newEntries.set(newEntries.size() - 1, withAgency(newEntries.get(newEntries.size() - 1), from));
    }

    void resolve(Actor actor, String note, Category category, Instant now, WorkingCalendar calendar) {
        require(EnumSet.of(ROUTED, IN_PROGRESS, REOPENED));
        if (note == null || note.isBlank()) throw new WorkflowException("error.workflow.note-required");
        resolvedAt = now;
        autoCloseDueAt = calendar.addWorkingDays(now, category.autoCloseDays());
        move(actor, Action.RESOLVED, RESOLVED, note, true, now);
    }

    // --- the citizen --------------------------------------------------------------------------

    void confirm(Instant now) {
        require(EnumSet.of(RESOLVED));
        closedAt = now;
        move(Actor.CITIZEN, Action.CONFIRMED, CLOSED, null, true, now);
    }

    /** Reopening is possible until the report would close by itself. */
    void reopen(String reason, Category category, Instant now, WorkingCalendar calendar) {
        require(EnumSet.of(RESOLVED));
        if (autoCloseDueAt != null && now.isAfter(autoCloseDueAt)) throw new WorkflowException("error.workflow.reopen-window");
        if (reason == null || reason.isBlank()) throw new WorkflowException("error.workflow.reason-required");
        followUpDueAt = calendar.addWorkingDays(now, category.followUpDays());
        resolvedAt = null;
        autoCloseDueAt = null;
        escalationLevel = 0;
        move(Actor.CITIZEN, Action.REOPENED, REOPENED, reason, true, now);
    }

    void rate(int stars, String comment, Instant now) {
        require(EnumSet.of(RESOLVED, CLOSED));
        if (stars < 1 || stars > 5) throw new WorkflowException("error.rating.range");
        if (rating != null) throw new WorkflowException("error.rating.once");
        rating = stars;
        ratingComment = comment == null || comment.isBlank() ? null : comment.strip();
        record(Actor.CITIZEN, Action.RATED, status, status, stars + "/5", false, null, now);
        updatedAt = now;
    }

    // --- jobs ---------------------------------------------------------------------------------

    void autoClose(Instant now) {
        require(EnumSet.of(RESOLVED));
        closedAt = now;
        move(Actor.SYSTEM, Action.AUTO_CLOSED, CLOSED, null, true, now);
    }

    void escalate(int level, Instant now) {
        escalationLevel = level;
        record(Actor.SYSTEM, Action.ESCALATED, status, status, "level " + level, false, agencyId, now);
        updatedAt = now;
    }

    void photoHidden(Actor actor, long photoId, Instant now) {
        record(actor, Action.PHOTO_HIDDEN, status, status, "#" + photoId, false, null, now);
        updatedAt = now;
    }

    void addNote(Actor actor, String note, boolean publicNote, Instant now) {
        if (note == null || note.isBlank()) throw new WorkflowException("error.workflow.note-required");
        record(actor, Action.NOTE, status, status, note.strip(), publicNote, null, now);
        updatedAt = now;
    }

    /** A public update from an outside system; {@code actor} names the system. Changes no status. */
    void externalUpdate(Actor actor, String note, Instant now) {
        if (note == null || note.isBlank()) throw new WorkflowException("error.workflow.note-required");
        record(actor, Action.EXTERNAL_UPDATE, status, status, note.strip(), true, null, now);
        updatedAt = now;
    }

    // --- reading ------------------------------------------------------------------------------

    /** Shown to the public at all: never when confidential, and only once verified. */
    public boolean isPublic() {
        return !confidential && ReportStatus.PUBLIC.contains(status);
    }

    /**
     * What public lists and the map show of this report (null when it is not public): a save that
     * changes it makes kept public pages old; an escalation or an internal note does not.
     */
    List<Object> publicFace() {
        return isPublic() ? Arrays.asList(status, publicText(), categoryId, lat, lon, kelurahanCode, supporters + supportersAdded) : null;
    }

    /** The text the public sees: the moderated version when a moderator edited it. */
    public String publicText() {
        return publicDescription != null ? publicDescription : description;
    }

    /** The deadline that matters now, or null when nobody is waited on. */
    public Instant currentDueAt() {
        if (ReportStatus.WITH_DESK.contains(status)) return verifyDueAt;
        if (ReportStatus.WITH_AGENCY.contains(status)) return followUpDueAt;
        if (status == RESOLVED) return autoCloseDueAt;
        return null;
    }

    /** What the status allows now, whoever asks (the policy then narrows it per person). */
    public Set<StaffAction> possibleActions() {
        Set<StaffAction> actions = EnumSet.of(StaffAction.NOTE_PUBLIC, StaffAction.NOTE_INTERNAL, StaffAction.MODERATE, StaffAction.HIDE_PHOTO);
        switch (status) {
            case RECEIVED -> actions.addAll(EnumSet.of(StaffAction.VERIFY, StaffAction.REJECT, StaffAction.ROUTE, StaffAction.MERGE));
            case VERIFIED -> actions.addAll(EnumSet.of(StaffAction.REJECT, StaffAction.ROUTE, StaffAction.MERGE));
            case ROUTED, REOPENED -> actions.addAll(EnumSet.of(StaffAction.ROUTE, StaffAction.MERGE, StaffAction.START, StaffAction.HAND_BACK, StaffAction.RESOLVE));
            case IN_PROGRESS -> actions.addAll(EnumSet.of(StaffAction.ROUTE, StaffAction.MERGE, StaffAction.HAND_BACK, StaffAction.RESOLVE));
            default -> { }
        }
        return actions;
    }

    public boolean isOverdue(Instant now) {
        Instant due = currentDueAt();
        return due != null && status != RESOLVED && now.isAfter(due);
    }

    // --- internals ----------------------------------------------------------------------------

    private void require(Set<ReportStatus> allowed) {
        if (!allowed.contains(status)) throw new WorkflowException("error.workflow.not-allowed");
    }

    private void move(Actor actor, Action action, ReportStatus to, String note, boolean publicNote, Instant now) {
        ReportStatus from = status;
        status = to;
        updatedAt = now;
        record(actor, action, from, to, note, publicNote, null, now);
    }

    private void record(Actor actor, Action action, ReportStatus from, ReportStatus to, String note, boolean publicNote,
            Long agency, Instant now) {
        newEntries.add(new TimelineEntry(now, actor.name(), actor.role(), action, from, to, note, publicNote, agency));
    }

    private static TimelineEntry withAgency(TimelineEntry e, Long agency) {
        return new TimelineEntry(e.at(), e.actor(), e.actorRole(), e.action(), e.from(), e.to(), e.note(), e.publicNote(), agency);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    public Long id() { return id; }
    public String trackingCode() { return trackingCode; }
    public String citizenToken() { return citizenToken; }
    public long categoryId() { return categoryId; }
    public String description() { return description; }
    public String publicDescription() { return publicDescription; }
    public double lat() { return lat; }
    public double lon() { return lon; }
    public String address() { return address; }
    public boolean locationPrecise() { return locationPrecise; }
    public String kelurahanCode() { return kelurahanCode; }
    public Long agencyId() { return agencyId; }
    public ReportStatus status() { return status; }
    public boolean anonymous() { return anonymous; }
    public boolean confidential() { return confidential; }
    public String channel() { return channel; }
    public Instant submittedAt() { return submittedAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant routedAt() { return routedAt; }
    public Instant verifyDueAt() { return verifyDueAt; }
    public Instant followUpDueAt() { return followUpDueAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public Instant autoCloseDueAt() { return autoCloseDueAt; }
    public Instant closedAt() { return closedAt; }
    public int escalationLevel() { return escalationLevel; }
    public Long duplicateOf() { return duplicateOf; }
    public int supporters() { return supporters; }
    public Integer rating() { return rating; }
    public String ratingComment() { return ratingComment; }
    public List<TimelineEntry> newEntries() { return List.copyOf(newEntries); }
}
