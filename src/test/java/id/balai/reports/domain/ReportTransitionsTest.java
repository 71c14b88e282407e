package id.balai.reports.domain;

import static id.balai.reports.ReportStatus.CLOSED;
import static id.balai.reports.ReportStatus.IN_PROGRESS;
import static id.balai.reports.ReportStatus.RECEIVED;
import static id.balai.reports.ReportStatus.REJECTED;
import static id.balai.reports.ReportStatus.REOPENED;
import static id.balai.reports.ReportStatus.RESOLVED;
import static id.balai.reports.ReportStatus.ROUTED;
import static id.balai.reports.ReportStatus.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.balai.calendar.WorkingCalendar;
import id.balai.reports.ReportStatus;
import id.balai.reports.domain.TimelineEntry.Action;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The workflow rules of {@link Report}, without a database. */
class ReportTransitionsTest {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final WorkingCalendar CALENDAR = new WorkingCalendar(JAKARTA, Set.of(LocalDate.of(2026, 11, 11)));
    /** verify 3, follow-up 5, auto-close 10 working days. */
    static final Category ROADS = new Category(1, "JALAN", "Jalan rusak", "Damaged road", "#jalanrusak", "road", 7L,
            false, 3, 5, 10, List.of());
    static final Instant MONDAY = wib(2026, 11, 2, 9, 0);
    static final Actor DESK = new Actor("desk", "COORDINATOR", null);
    static final Actor OPD = new Actor("opd", "AGENCY_ADMIN", null);
    static final long DPUPR = 7;
    static final long DLH = 8;

    private long nextId = 1;

    // --- which transition is allowed from which status ---------------------------------------

    /** A transition as a test can run it on a report. */
    enum Move {
        VERIFY(ReportStatus.VERIFIED, (r, t) -> r.verify(DESK, t)),
        REJECT(REJECTED, (r, t) -> r.reject(DESK, Report.RejectReason.SPAM, "iklan", t)),
        ROUTE_TO_ANOTHER_AGENCY(ROUTED, (r, t) -> r.route(DESK, DLH, ROADS, t, CALENDAR)),
        MERGE(REJECTED, (r, t) -> r.mergeInto(DESK, openTarget(), t)),
        START(IN_PROGRESS, (r, t) -> r.start(OPD, t)),
        HAND_BACK(VERIFIED, (r, t) -> r.handBack(OPD, "Bukan wewenang", ROADS, t, CALENDAR)),
        RESOLVE(RESOLVED, (r, t) -> r.resolve(OPD, "Sudah ditambal", ROADS, t, CALENDAR)),
        CONFIRM(CLOSED, (r, t) -> r.confirm(t)),
        REOPEN(REOPENED, (r, t) -> r.reopen("Masih rusak", ROADS, t, CALENDAR)),
        AUTO_CLOSE(CLOSED, (r, t) -> r.autoClose(t)),
        RATE(null, (r, t) -> r.rate(5, null, t));

        final ReportStatus to;
        final BiConsumer<Report, Instant> run;

        Move(ReportStatus to, BiConsumer<Report, Instant> run) {
            this.to = to;
            this.run = run;
        }

        Set<ReportStatus> allowedFrom() {
            return switch (this) {
                case VERIFY -> EnumSet.of(RECEIVED);
                case REJECT -> EnumSet.of(RECEIVED, VERIFIED);
                case ROUTE_TO_ANOTHER_AGENCY, MERGE -> EnumSet.of(RECEIVED, VERIFIED, ROUTED, IN_PROGRESS, REOPENED);
                case START -> EnumSet.of(ROUTED, REOPENED);
                case HAND_BACK, RESOLVE -> EnumSet.of(ROUTED, IN_PROGRESS, REOPENED);
                case CONFIRM, REOPEN, AUTO_CLOSE -> EnumSet.of(RESOLVED);
                case RATE -> EnumSet.of(RESOLVED, CLOSED);
            };
        }
    }

    static Stream<Arguments> everyMoveFromEveryStatus() {
        return Arrays.stream(Move.values())
                .flatMap(m -> Arrays.stream(ReportStatus.values()).map(s -> Arguments.of(m, s, m.allowedFrom().contains(s))));
    }

    @ParameterizedTest(name = "{0} from {1}: allowed {2}")
    @MethodSource("everyMoveFromEveryStatus")
    void eachTransitionIsAllowedOnlyFromItsStatuses(Move move, ReportStatus from, boolean allowed) {
        Report r = in(from);
        int entries = r.newEntries().size();
        Instant at = r.updatedAt().plusSeconds(60);

        if (allowed) {
            move.run.accept(r, at);
            assertThat(r.status()).isEqualTo(move.to == null ? from : move.to);
            assertThat(r.updatedAt()).isEqualTo(at);
            assertThat(r.newEntries()).hasSizeGreaterThan(entries);
            assertThat(r.newEntries().get(r.newEntries().size() - 1).at()).isEqualTo(at);
        } else {
            Instant updated = r.updatedAt();
            assertWorkflowError(() -> move.run.accept(r, at), "error.workflow.not-allowed");
            assertThat(r.status()).as("unchanged").isEqualTo(from);
            assertThat(r.updatedAt()).isEqualTo(updated);
            assertThat(r.newEntries()).hasSize(entries);
        }
    }

    // --- submission and the complaint desk ---------------------------------------------------

    @Test
    void aReportSubmittedOnMondayMustBeVerifiedWithinThreeWorkingDays() {
        Report r = submitted(MONDAY);

        assertThat(r.status()).isEqualTo(RECEIVED);
        assertThat(r.submittedAt()).isEqualTo(MONDAY);
        assertThat(r.verifyDueAt()).isEqualTo(wib(2026, 11, 5, 9, 0));
        assertThat(r.currentDueAt()).isEqualTo(r.verifyDueAt());
        assertThat(r.newEntries()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(Action.SUBMITTED);
            assertThat(e.actor()).isEqualTo("warga");
            assertThat(e.actorRole()).isEqualTo("CITIZEN");
            assertThat(e.from()).isNull();
            assertThat(e.to()).isEqualTo(RECEIVED);
            assertThat(e.publicNote()).isTrue();
        });
    }

    @Test
    void aRejectionKeepsItsReasonPrivateAndClosesTheReport() {
        Report r = submitted(MONDAY);

        r.reject(DESK, Report.RejectReason.SPAM, "  iklan pinjol  ", MONDAY.plusSeconds(60));

        assertThat(r.status()).isEqualTo(REJECTED);
        assertThat(r.closedAt()).isEqualTo(MONDAY.plusSeconds(60));
        assertThat(r.currentDueAt()).isNull();
        assertThat(last(r).note()).isEqualTo("[SPAM] iklan pinjol");
        assertThat(last(r).publicNote()).isFalse();
        assertThat(last(r).actor()).isEqualTo("desk");
        Report noNote = submitted(MONDAY);
        noNote.reject(DESK, Report.RejectReason.NOT_A_REPORT, null, MONDAY);
        assertThat(last(noNote).note()).isEqualTo("[NOT_A_REPORT] ");
    }

    @Test
    void aReportRoutedOnFridayIsDueFiveWorkingDaysLater() {
        Report r = in(VERIFIED);
        Instant friday = wib(2026, 11, 6, 14, 0);

        r.route(DESK, DPUPR, ROADS, friday, CALENDAR);

        assertThat(r.status()).isEqualTo(ROUTED);
        assertThat(r.agencyId()).isEqualTo(DPUPR);
        assertThat(r.routedAt()).isEqualTo(friday);
        assertThat(r.followUpDueAt()).as("Mon 9, Tue 10, (11 Nov is a holiday here), Thu 12, Fri 13, Mon 16")
                .isEqualTo(wib(2026, 11, 16, 14, 0));
        assertThat(r.currentDueAt()).isEqualTo(r.followUpDueAt());
        assertThat(last(r).action()).isEqualTo(Action.ROUTED);
        assertThat(last(r).agencyId()).isEqualTo(DPUPR);
        assertThat(last(r).publicNote()).isTrue();
    }

    @Test
    void routingAReceivedReportVerifiesItFirst() {
        Report r = submitted(MONDAY);

        r.route(DESK, DPUPR, ROADS, MONDAY.plusSeconds(60), CALENDAR);

        assertThat(r.newEntries()).extracting(TimelineEntry::action).containsExactly(Action.SUBMITTED, Action.VERIFIED, Action.ROUTED);
        assertThat(r.newEntries()).extracting(TimelineEntry::to).containsExactly(RECEIVED, VERIFIED, ROUTED);
    }

    @Test
    void routingAgainToTheSameAgencyIsRefusedButAnotherAgencyRestartsTheClock() {
        for (ReportStatus status : List.of(ROUTED, IN_PROGRESS, REOPENED)) {
            Report r = in(status);
            assertWorkflowError(() -> r.route(DESK, DPUPR, ROADS, MONDAY.plusSeconds(86_400), CALENDAR), "error.workflow.same-agency");
        }
        Report r = in(IN_PROGRESS);
        r.escalate(2, wib(2026, 11, 20, 9, 0));
        Instant later = wib(2026, 11, 23, 9, 0);

        r.route(DESK, DLH, ROADS, later, CALENDAR);

        assertThat(r.agencyId()).isEqualTo(DLH);
        assertThat(r.routedAt()).isEqualTo(later);
        assertThat(r.followUpDueAt()).isEqualTo(wib(2026, 11, 30, 9, 0));
        assertThat(r.escalationLevel()).isZero();
        assertThat(r.status()).isEqualTo(ROUTED);
    }

    @Test
    void mergingMovesTheSupportersToTheTargetAndClosesTheRepeat() {
        Report target = in(ROUTED);
        target.supporters = 2;
        Report repeat = in(VERIFIED);
        repeat.supporters = 3;
        Instant at = MONDAY.plusSeconds(3600);

        repeat.mergeInto(DESK, target, at);

        assertThat(target.supporters()).isEqualTo(6);
        assertThat(target.status()).isEqualTo(ROUTED);
        assertThat(target.updatedAt()).isEqualTo(at);
        assertThat(last(target).action()).isEqualTo(Action.MERGED);
        assertThat(last(target).note()).isEqualTo(repeat.trackingCode());
        assertThat(repeat.status()).isEqualTo(REJECTED);
        assertThat(repeat.duplicateOf()).isEqualTo(target.id());
        assertThat(repeat.closedAt()).isEqualTo(at);
        assertThat(last(repeat).action()).isEqualTo(Action.MERGED_INTO);
        assertThat(last(repeat).note()).isEqualTo("[DUPLICATE] " + target.trackingCode());
    }

    @Test
    void aReportCannotBeMergedIntoItselfOrIntoAClosedReportButIntoAResolvedOne() {
        Report r = in(VERIFIED);
        assertWorkflowError(() -> r.mergeInto(DESK, r, MONDAY), "error.workflow.merge-self");
        assertWorkflowError(() -> r.mergeInto(DESK, in(CLOSED), MONDAY), "error.workflow.merge-closed");
        assertWorkflowError(() -> r.mergeInto(DESK, in(REJECTED), MONDAY), "error.workflow.merge-closed");
        assertThat(r.status()).isEqualTo(VERIFIED);

        r.mergeInto(DESK, in(RESOLVED), MONDAY.plusSeconds(60));
        assertThat(r.status()).isEqualTo(REJECTED);
    }

    @Test
    void moderatingChangesOnlyWhatThePublicReads() {
        Report r = in(VERIFIED);
        assertThat(r.publicText()).isEqualTo(r.description());

        r.moderate(DESK, "Jalan berlubang di Jl. Pemuda", MONDAY.plusSeconds(60));

        assertThat(r.publicText()).isEqualTo("Jalan berlubang di Jl. Pemuda");
        assertThat(r.description()).isEqualTo("Ada lubang besar, nomor HP saya 0812…");
        assertThat(last(r).action()).isEqualTo(Action.MODERATED);
        assertThat(last(r).publicNote()).isFalse();
        r.moderate(DESK, null, MONDAY.plusSeconds(120));
        assertThat(r.publicText()).isEqualTo(r.description());
    }

    // --- the responsible OPD ------------------------------------------------------------------

    @Test
    void handingBackStopsTheFollowUpClockAndResetsEscalation() {
        Report r = in(IN_PROGRESS);
        r.escalate(2, wib(2026, 11, 12, 9, 0));
        Instant handedBack = wib(2026, 11, 13, 10, 0); // Friday

        r.handBack(OPD, "Bukan wewenang DPUPR, ini saluran provinsi", ROADS, handedBack, CALENDAR);

        assertThat(r.status()).isEqualTo(VERIFIED);
        assertThat(r.agencyId()).isNull();
        assertThat(r.routedAt()).isNull();
        assertThat(r.followUpDueAt()).isNull();
        assertThat(r.escalationLevel()).isZero();
        assertThat(r.verifyDueAt()).as("a fresh window for the desk").isEqualTo(wib(2026, 11, 18, 10, 0));
        assertThat(r.currentDueAt()).isEqualTo(r.verifyDueAt());
        assertThat(r.isOverdue(handedBack)).isFalse();
        TimelineEntry e = last(r);
        assertThat(e.action()).isEqualTo(Action.HANDED_BACK);
        assertThat(e.note()).isEqualTo("Bukan wewenang DPUPR, ini saluran provinsi");
        assertThat(e.agencyId()).as("the OPD that handed it back").isEqualTo(DPUPR);
        assertThat(e.publicNote()).isFalse();
        assertThat(e.from()).isEqualTo(IN_PROGRESS);

        r.route(DESK, DPUPR, ROADS, handedBack.plusSeconds(60), CALENDAR);
        assertThat(r.agencyId()).as("after a hand-back the same OPD may get it again").isEqualTo(DPUPR);
    }

    @Test
    void handingBackNeedsAReason() {
        for (String reason : new String[] {null, "", "   "}) {
            Report r = in(ROUTED);
            assertWorkflowError(() -> r.handBack(OPD, reason, ROADS, MONDAY, CALENDAR), "error.workflow.reason-required");
            assertThat(r.status()).isEqualTo(ROUTED);
            assertThat(r.agencyId()).isEqualTo(DPUPR);
        }
    }

    @Test
    void resolvingNeedsANoteAndStartsTheAutoCloseClock() {
        Report r = in(IN_PROGRESS);
        assertWorkflowError(() -> r.resolve(OPD, " ", ROADS, MONDAY, CALENDAR), "error.workflow.note-required");
        assertWorkflowError(() -> r.resolve(OPD, null, ROADS, MONDAY, CALENDAR), "error.workflow.note-required");
        Instant resolved = wib(2026, 11, 3, 16, 0);

        r.resolve(OPD, "Sudah ditambal", ROADS, resolved, CALENDAR);

        assertThat(r.status()).isEqualTo(RESOLVED);
        assertThat(r.resolvedAt()).isEqualTo(resolved);
        assertThat(r.autoCloseDueAt()).as("10 working days, 11 Nov a holiday").isEqualTo(wib(2026, 11, 18, 16, 0));
        assertThat(r.currentDueAt()).isEqualTo(r.autoCloseDueAt());
        assertThat(r.isOverdue(r.autoCloseDueAt().plusSeconds(86_400))).as("waiting on the citizen is never overdue").isFalse();
        assertThat(last(r).note()).isEqualTo("Sudah ditambal");
        assertThat(last(r).publicNote()).isTrue();
    }

    @Test
    void aNoteMustSaySomethingAndIsStoredStripped() {
        Report r = in(ROUTED);
        assertWorkflowError(() -> r.addNote(OPD, "  ", false, MONDAY), "error.workflow.note-required");
        assertWorkflowError(() -> r.addNote(OPD, null, true, MONDAY), "error.workflow.note-required");

        r.addNote(OPD, "  Tim meluncur besok pagi ", true, MONDAY.plusSeconds(60));

        assertThat(last(r).action()).isEqualTo(Action.NOTE);
        assertThat(last(r).note()).isEqualTo("Tim meluncur besok pagi");
        assertThat(last(r).publicNote()).isTrue();
        assertThat(last(r).from()).isEqualTo(ROUTED);
        assertThat(last(r).to()).isEqualTo(ROUTED);
        assertThat(r.status()).isEqualTo(ROUTED);
    }

    // --- the citizen and the jobs ------------------------------------------------------------

    @Test
    void confirmingClosesTheReport() {
        Report r = in(RESOLVED);

        r.confirm(MONDAY.plusSeconds(86_400));

        assertThat(r.status()).isEqualTo(CLOSED);
        assertThat(r.closedAt()).isEqualTo(MONDAY.plusSeconds(86_400));
        assertThat(r.currentDueAt()).isNull();
        assertThat(last(r).actor()).isEqualTo("warga");
    }

    @Test
    void aCitizenCanReopenUntilTheReportWouldCloseByItself() {
        Report atTheLastMoment = in(RESOLVED);
        atTheLastMoment.escalate(1, MONDAY);
        Instant due = atTheLastMoment.autoCloseDueAt();

        atTheLastMoment.reopen("Masih berlubang", ROADS, due, CALENDAR);

        assertThat(atTheLastMoment.status()).isEqualTo(REOPENED);
        assertThat(atTheLastMoment.resolvedAt()).isNull();
        assertThat(atTheLastMoment.autoCloseDueAt()).isNull();
        assertThat(atTheLastMoment.escalationLevel()).isZero();
        assertThat(atTheLastMoment.followUpDueAt()).isEqualTo(CALENDAR.addWorkingDays(due, 5));
        assertThat(atTheLastMoment.agencyId()).as("back to the same OPD").isEqualTo(DPUPR);
        assertThat(last(atTheLastMoment).note()).isEqualTo("Masih berlubang");
        assertThat(last(atTheLastMoment).publicNote()).isTrue();

        Report tooLate = in(RESOLVED);
        assertWorkflowError(() -> tooLate.reopen("Masih berlubang", ROADS, tooLate.autoCloseDueAt().plusMillis(1), CALENDAR),
                "error.workflow.reopen-window");
        assertThat(tooLate.status()).isEqualTo(RESOLVED);

        Report noReason = in(RESOLVED);
        assertWorkflowError(() -> noReason.reopen(" ", ROADS, MONDAY, CALENDAR), "error.workflow.reason-required");
    }

    @Test
    void aCitizenRatesOnceWithOneToFiveStars() {
        Report r = in(RESOLVED);
        assertWorkflowError(() -> r.rate(0, null, MONDAY), "error.rating.range");
        assertWorkflowError(() -> r.rate(6, null, MONDAY), "error.rating.range");
        assertThat(r.rating()).isNull();

        r.rate(5, "  Cepat sekali!  ", MONDAY.plusSeconds(60));

        assertThat(r.rating()).isEqualTo(5);
        assertThat(r.ratingComment()).isEqualTo("Cepat sekali!");
        assertThat(last(r).action()).isEqualTo(Action.RATED);
        assertThat(last(r).note()).isEqualTo("5/5");
        assertThat(last(r).publicNote()).isFalse();
        assertWorkflowError(() -> r.rate(1, null, MONDAY.plusSeconds(120)), "error.rating.once");
        assertThat(r.rating()).isEqualTo(5);

        Report closed = in(CLOSED);
        closed.rate(1, "   ", MONDAY);
        assertThat(closed.rating()).isEqualTo(1);
        assertThat(closed.ratingComment()).isNull();
    }

    @Test
    void autoClosingIsDoneByTheSystem() {
        Report r = in(RESOLVED);

        r.autoClose(r.autoCloseDueAt().plusSeconds(1));

        assertThat(r.status()).isEqualTo(CLOSED);
        assertThat(r.closedAt()).isEqualTo(r.autoCloseDueAt().plusSeconds(1));
        assertThat(last(r).action()).isEqualTo(Action.AUTO_CLOSED);
        assertThat(last(r).actor()).isEqualTo("sistem");
        assertThat(last(r).actorRole()).isEqualTo("SYSTEM");
    }

    @Test
    void anEscalationIsRecordedForTheResponsibleAgency() {
        Report r = in(ROUTED);

        r.escalate(1, MONDAY.plusSeconds(60));

        assertThat(r.escalationLevel()).isEqualTo(1);
        assertThat(r.status()).isEqualTo(ROUTED);
        assertThat(last(r).action()).isEqualTo(Action.ESCALATED);
        assertThat(last(r).note()).isEqualTo("level 1");
        assertThat(last(r).agencyId()).isEqualTo(DPUPR);
        assertThat(last(r).publicNote()).isFalse();
    }

    // --- reading -----------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void onlyVerifiedNonConfidentialReportsArePublic(ReportStatus status) {
        Report open = in(status);
        Report confidential = in(status);
        confidential.confidential = true;

        assertThat(open.isPublic()).isEqualTo(status != RECEIVED && status != REJECTED);
        assertThat(confidential.isPublic()).as("confidential is never public").isFalse();
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void theDeadlineThatMattersDependsOnWhoIsWaitedOn(ReportStatus status) {
        Report r = in(status);

        Instant expected = switch (status) {
            case RECEIVED, VERIFIED -> r.verifyDueAt();
            case ROUTED, IN_PROGRESS, REOPENED -> r.followUpDueAt();
            case RESOLVED -> r.autoCloseDueAt();
            case CLOSED, REJECTED -> null;
        };
        assertThat(r.currentDueAt()).isEqualTo(expected);
        if (expected != null) assertThat(expected).isAfter(r.submittedAt());
        if (expected == null || status == RESOLVED) {
            assertThat(r.isOverdue(MONDAY.plusSeconds(86_400L * 365))).isFalse();
        } else {
            assertThat(r.isOverdue(expected)).as("not at the deadline itself").isFalse();
            assertThat(r.isOverdue(expected.plusMillis(1))).isTrue();
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    static Instant wib(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(JAKARTA).toInstant();
    }

    private static long ids = 1000;

    /** An open report in ROUTED, to merge into. */
    static Report openTarget() {
        Report target = Report.submit("TGT2-TGT2", "target", "t", ROADS, "Target", -6.99, 110.42, null, true, "33.74.01.1001",
                false, false, "WEB", MONDAY, CALENDAR);
        target.id = ++ids;
        target.route(DESK, DPUPR, ROADS, MONDAY, CALENDAR);
        return target;
    }

    Report submitted(Instant at) {
        Report r = Report.submit(TrackingCode.generate(), "key-" + nextId, "token", ROADS, "Ada lubang besar, nomor HP saya 0812…",
                -6.99, 110.42, "Jl. Pemuda 12", true, "33.74.01.1001", false, false, "WEB", at, CALENDAR);
        r.id = nextId++;
        return r;
    }

    /** A report taken to {@code status} one hour at a time from Monday 09:00, routed to DPUPR where it is routed. */
    Report in(ReportStatus status) {
        Report r = submitted(MONDAY);
        List<BiConsumer<Report, Instant>> steps = new ArrayList<>();
        switch (status) {
            case RECEIVED -> { }
            case VERIFIED -> steps.add((x, t) -> x.verify(DESK, t));
            case REJECTED -> steps.add((x, t) -> x.reject(DESK, Report.RejectReason.DUPLICATE, null, t));
            case ROUTED -> steps.add((x, t) -> x.route(DESK, DPUPR, ROADS, t, CALENDAR));
            case IN_PROGRESS -> {
                steps.add((x, t) -> x.route(DESK, DPUPR, ROADS, t, CALENDAR));
                steps.add((x, t) -> x.start(OPD, t));
            }
            case RESOLVED, CLOSED, REOPENED -> {
                steps.add((x, t) -> x.route(DESK, DPUPR, ROADS, t, CALENDAR));
                steps.add((x, t) -> x.resolve(OPD, "Selesai", ROADS, t, CALENDAR));
                if (status == CLOSED) steps.add((x, t) -> x.confirm(t));
                if (status == REOPENED) steps.add((x, t) -> x.reopen("Belum", ROADS, t, CALENDAR));
            }
        }
        Instant t = MONDAY;
        for (var step : steps) {
            t = t.plusSeconds(3600);
            step.accept(r, t);
        }
        assertThat(r.status()).isEqualTo(status);
        return r;
    }

    private static TimelineEntry last(Report r) {
        return r.newEntries().get(r.newEntries().size() - 1);
    }

    private static void assertWorkflowError(ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOf(WorkflowException.class)
                .satisfies(e -> assertThat(((WorkflowException) e).messageKey()).isEqualTo(key))
                .hasMessage(key);
    }
}
