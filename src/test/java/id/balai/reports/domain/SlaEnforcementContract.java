package id.balai.reports.domain;

import id.balai.platform.images.PhotoProcessor;
import static org.assertj.core.api.Assertions.assertThat;

import id.balai.calendar.Holidays;
import id.balai.platform.BalaiProperties;
import id.balai.platform.storage.FileStorage;
import id.balai.reports.ReportEscalated;
import id.balai.reports.ReportStatus;
import id.balai.reports.ReportStatusChanged;
import id.balai.reports.domain.TimelineEntry.Action;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SLA job keeps its promises on the working-day calendar: escalation at the deadline and two working
 * days later, auto-close after resolution, and never twice when two nodes run it at the same moment.
 */
abstract class SlaEnforcementContract extends ReportsDatabaseFixture {

    final List<Object> published = new CopyOnWriteArrayList<>();
    Holidays holidays;

    @BeforeEach
    void calendarFromTheHolidayTable() {
        published.clear();
        holidays = new Holidays(jdbc, new BalaiProperties(Path.of("target"), null, JAKARTA, null, null));
    }

    SlaEnforcer enforcerAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        PhotoStaging staging = new PhotoStaging(jdbc, new NoFiles(), new PhotoProcessor(), clock);
        return new SlaEnforcer(reports, holidays, staging, published::add,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), clock);
    }

    @Test
    void anUnverifiedReportIsEscalatedToTheDeskAtItsDeadlineAndToTheLeadershipTwoWorkingDaysLater() {
        // Monday 26 Oct 09:00 + 3 working days = Thursday 29 Oct 09:00
        Report r = submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 10, 26, 9, 0), false);
        assertThat(enforcerAt(wib(2026, 10, 29, 8, 59)).run().escalated()).isZero();

        assertThat(enforcerAt(wib(2026, 10, 29, 9, 1)).run().escalated()).isEqualTo(1);
        assertThat(published).containsExactly(new ReportEscalated(r.id(), r.trackingCode(), ReportEscalated.Stage.VERIFY, 1, null));
        assertThat(enforcerAt(wib(2026, 10, 30, 9, 0)).run().escalated()).as("level 1 is not repeated").isZero();

        // two working days after Thursday 09:00 is Monday 2 Nov 09:00 (the weekend does not count)
        assertThat(enforcerAt(wib(2026, 11, 1, 12, 0)).run().escalated()).isZero();
        assertThat(enforcerAt(wib(2026, 11, 2, 9, 1)).run().escalated()).isEqualTo(1);
        assertThat(published).last().isEqualTo(new ReportEscalated(r.id(), r.trackingCode(), ReportEscalated.Stage.VERIFY, 2, null));
        assertThat(reports.byId(r.id()).orElseThrow().escalationLevel()).isEqualTo(2);
        assertThat(reports.timeline(r.id())).filteredOn(e -> e.action() == Action.ESCALATED).hasSize(2)
                .allSatisfy(e -> assertThat(e.publicNote()).isFalse());
    }

    @Test
    void aRoutedReportIsEscalatedToItsAgencyWhenTheFollowUpDeadlinePasses() {
        Report r = submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 10, 26, 9, 0), false);
        routeAt(r, AGENCY_DPUPR, wib(2026, 10, 26, 10, 0)); // due Monday 2 Nov 10:00
        assertThat(enforcerAt(wib(2026, 11, 2, 9, 59)).run().escalated()).isZero();
        assertThat(enforcerAt(wib(2026, 11, 2, 10, 1)).run().escalated()).isEqualTo(1);
        assertThat(published).containsExactly(
                new ReportEscalated(r.id(), r.trackingCode(), ReportEscalated.Stage.FOLLOW_UP, 1, AGENCY_DPUPR));
    }

    @Test
    void aResolvedReportClosesByItselfTenWorkingDaysLaterWithoutAnAnswer() {
        Report r = inStatus(ReportStatus.RESOLVED, roads, KELURAHAN_A, wib(2026, 11, 2, 9, 0), false);
        Instant due = reports.byId(r.id()).orElseThrow().autoCloseDueAt();
        assertThat(enforcerAt(due.minusSeconds(60)).run().autoClosed()).isZero();
        assertThat(enforcerAt(due.plusSeconds(60)).run().autoClosed()).isEqualTo(1);
        Report closed = reports.byId(r.id()).orElseThrow();
        assertThat(closed.status()).isEqualTo(ReportStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(due.plusSeconds(60));
        assertThat(reports.timeline(r.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo(Action.AUTO_CLOSED);
            assertThat(e.actor()).isEqualTo("sistem");
        });
        assertThat(published).containsExactly(new ReportStatusChanged(r.id(), r.trackingCode(), ReportStatus.RESOLVED,
                ReportStatus.CLOSED, closed.agencyId()));
    }

    @Test
    void twoNodesRunningTheJobAtOnceEscalateEachReportOnce() throws Exception {
        List<Report> late = List.of(
                submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 10, 26, 9, 0), false),
                submit(roads, KELURAHAN_B, -6.98, 110.43, wib(2026, 10, 26, 9, 5), false),
                submit(rubbish, KELURAHAN_A, -6.97, 110.44, wib(2026, 10, 26, 9, 10), false));
        Instant now = wib(2026, 10, 30, 9, 0);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<SlaEnforcer.Result>> runs = List.of(
                    nodes.submit(() -> { together.await(); return enforcerAt(now).run(); }),
                    nodes.submit(() -> { together.await(); return enforcerAt(now).run(); }));
            int total = 0;
            for (Future<SlaEnforcer.Result> run : runs) total += run.get().escalated();
            assertThat(total).isEqualTo(late.size());
        } finally {
            nodes.shutdownNow();
        }
        for (Report r : late) {
            assertThat(reports.timeline(r.id())).filteredOn(e -> e.action() == Action.ESCALATED).hasSize(1);
        }
        assertThat(published).hasSize(late.size());
    }

    /** The job only deletes abandoned uploads; there are none in these tests. */
    private static final class NoFiles implements FileStorage {
        public String store(String folder, byte[] content, String extension) { throw new IllegalStateException("not used"); }
        public InputStream open(String key) { return new ByteArrayInputStream(new byte[0]); }
        public boolean exists(String key) { return false; }
        public void delete(String key) { }
        public long size(String key) { return 0; }
    }

}
