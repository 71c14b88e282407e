package id.balai.reports.domain;

import id.balai.support.RecordedAudit;
import id.balai.platform.web.PublicContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import id.balai.reports.ReportStatus;
import id.balai.reports.domain.Reports.Filter;
import id.balai.reports.domain.Reports.Summary;
import id.balai.reports.domain.TimelineEntry.Action;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import id.balai.identity.StaffRole;

/**
 * The persistence of reports and categories, written once and run on H2 (PostgreSQL mode, the default
 * database) and on PostgreSQL (production) by the subclasses.
 */
abstract class ReportsPersistenceContract extends ReportsDatabaseFixture {

    /** A filter that keeps every report but makes the map group live rows instead of the pre-counted cells. */
    static final Filter LIVE = new Filter(null, null, null, null, Instant.EPOCH, null, null, null);

    @Test
    void theUnfilteredMapReadsPreCountedCellsThatFollowEveryPublishAndUnpublish() {
        double cell = Reports.MAP_CELL_DEGREES * 8;
        Report a = inStatus(ReportStatus.ROUTED, roads, KELURAHAN_A, NOW.minusSeconds(90), false, -6.9950, 110.4250);
        Report b = inStatus(ReportStatus.CLOSED, rubbish, KELURAHAN_A, NOW.minusSeconds(80), false, -6.9951, 110.4251);
        inStatus(ReportStatus.VERIFIED, roads, KELURAHAN_B, NOW.minusSeconds(70), false, -6.9650, 110.4450);
        inStatus(ReportStatus.ROUTED, roads, KELURAHAN_B, NOW.minusSeconds(60), true, -6.9651, 110.4451); // confidential
        Report received = submit(roads, KELURAHAN_A, -6.9800, 110.4000, NOW.minusSeconds(50), false);
        assertThat(reports.publicMap(Filter.none(), -7.1, 110.3, -6.9, 110.5, cell))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("trackingCode", "categoryId", "status")
                .containsExactlyInAnyOrderElementsOf(reports.publicMap(LIVE, -7.1, 110.3, -6.9, 110.5, cell).stream()
                        .map(c -> new Reports.Cell(c.lat(), c.lon(), c.count(), null, 0, null)).toList());
        assertThat(reports.publicMap(Filter.none(), -7.1, 110.3, -6.9, 110.5, 1.0)).singleElement()
                .satisfies(c -> assertThat(c.count()).isEqualTo(3));

        // verified → public; merged → no longer public; rejected from VERIFIED → no longer public
        received.verify(DESK, NOW.minusSeconds(40));
        reports.update(received);
        Report target = reports.byId(b.id()).orElseThrow();
        Report merged = reports.byId(a.id()).orElseThrow();
        Report open = inStatus(ReportStatus.ROUTED, roads, KELURAHAN_A, NOW.minusSeconds(30), false, -6.9952, 110.4252);
        merged.mergeInto(DESK, open, NOW.minusSeconds(20));
        reports.update(merged);
        reports.update(open);
        assertThat(target.status()).isEqualTo(ReportStatus.CLOSED);
        assertThat(reports.publicMap(Filter.none(), -7.1, 110.3, -6.9, 110.5, 1.0)).singleElement()
                .satisfies(c -> assertThat(c.count()).isEqualTo(4)); // b, the VERIFIED one, received, open
        assertThat(reports.publicMap(Filter.none(), -7.1, 110.3, -6.9, 110.5, cell))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("trackingCode", "categoryId", "status")
                .containsExactlyInAnyOrderElementsOf(reports.publicMap(LIVE, -7.1, 110.3, -6.9, 110.5, cell).stream()
                        .map(c -> new Reports.Cell(c.lat(), c.lon(), c.count(), null, 0, null)).toList());
    }

    @Test
    void severalReportsInOneNewMapCellWithinOneTransactionAreAllCounted() {
        var tx = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.support.JdbcTransactionManager(dataSource));
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < 3; i++) inStatus(ReportStatus.ROUTED, roads, KELURAHAN_A, NOW.minusSeconds(90 - i), false, -6.9850, 110.4150);
        });
        assertThat(reports.publicMap(Filter.none(), -7.1, 110.3, -6.9, 110.5, 1.0)).singleElement()
                .satisfies(c -> assertThat(c.count()).isEqualTo(3));
    }

    @Test
    void keptPublicPagesGrowOldOnlyWhenWhatThePublicSeesChanges() {
        Report received = submit(roads, KELURAHAN_A, -6.9800, 110.4000, NOW.minusSeconds(50), false);
        long start = publicContent.version();
        received.escalate(1, NOW.minusSeconds(45));
        reports.update(received);
        assertThat(publicContent.version()).as("an escalation of a report nobody sees yet").isEqualTo(start);

        received.verify(DESK, NOW.minusSeconds(40));
        reports.update(received);
        assertThat(publicContent.version()).as("verified: now public").isEqualTo(start + 1);

        Report loaded = reports.byId(received.id()).orElseThrow();
        loaded.escalate(2, NOW.minusSeconds(30));
        reports.update(loaded);
        assertThat(publicContent.version()).as("the escalation level is not on public pages").isEqualTo(start + 1);

        loaded.moderate(DESK, "Jalan berlubang (teks disunting).", NOW.minusSeconds(20));
        reports.update(loaded);
        assertThat(publicContent.version()).as("the public text changed").isEqualTo(start + 2);
    }

    // --- schema ------------------------------------------------------------------------------

    @Test
    void theMigrationsApplyCleanlyAndTheHolidaysAreThere() {
        assertThat(migration.success).isTrue();
        assertThat(migration.migrationsExecuted).isEqualTo(id.balai.support.Migrations.count(dataSource)).isGreaterThanOrEqualTo(10);
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success = true and version is not null")
                .query(Integer.class).single()).isEqualTo(id.balai.support.Migrations.count(dataSource));
        assertThat(jdbc.sql("select count(*) from holiday").query(Integer.class).single()).isEqualTo(29);
        // by position: the date column's name ("day" is a keyword in H2) is not this test's business
        Map<LocalDate, String> holidays = new java.util.TreeMap<>();
        jdbc.sql("select * from holiday").query(rs -> {
            holidays.put(rs.getObject(1, LocalDate.class), rs.getString("name"));
        });
        assertThat(holidays).hasSize(29).containsEntry(LocalDate.of(2026, 8, 17), "Hari Kemerdekaan RI")
                .containsEntry(LocalDate.of(2027, 3, 9), "Idul Fitri 1448 H");
        assertThat(holidays.keySet()).startsWith(LocalDate.of(2026, 1, 1)).endsWith(LocalDate.of(2027, 12, 25));
    }

    @Test
    void theSchedulerTableStoresAndReturnsATaskRow() {
        byte[] data = {1, 2, 3, (byte) 0xff};
        OffsetDateTime at = NOW.atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by,
                    last_success, last_failure, consecutive_failures, last_heartbeat, version, priority)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params("sla-enforcement", "recurring", data, at, false, null, null, null, 0, null, 1L, (short) 0)
                .update();
        jdbc.sql("update scheduled_tasks set picked = true, picked_by = ?, last_heartbeat = ?, version = version + 1 where task_name = ? and task_instance = ? and version = ?")
                .params("node-1", at, "sla-enforcement", "recurring", 1L).update();

        var row = jdbc.sql("select * from scheduled_tasks where task_name = ?").param("sla-enforcement").query().singleRow();
        assertThat(row.get("task_instance")).isEqualTo("recurring");
        assertThat((byte[]) row.get("task_data")).containsExactly(data);
        assertThat(jdbc.sql("select execution_time from scheduled_tasks").query(OffsetDateTime.class).single().toInstant()).isEqualTo(NOW);
        assertThat(row.get("picked")).isEqualTo(true);
        assertThat(row.get("picked_by")).isEqualTo("node-1");
        assertThat(((Number) row.get("version")).longValue()).isEqualTo(2L);
        assertThat(((Number) row.get("priority")).intValue()).isZero();
        assertThatThrownBy(() -> jdbc.sql("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version) values (?, ?, ?, false, 1)")
                .params("sla-enforcement", "recurring", at).update()).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void dbSchedulerItselfSchedulesPicksAndRunsATaskOnThisTable() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        OneTimeTask<String> task = Tasks.oneTime("persistence-test", String.class)
                .execute((instance, context) -> {
                    if ("hello".equals(instance.getData())) runs.incrementAndGet();
                    ran.countDown();
                });
        SchedulerClient client = SchedulerClient.Builder.create(dataSource, task).build();
        Instant inAnHour = Instant.now().plusSeconds(3600);
        assertThat(client.scheduleIfNotExists(new TaskInstance<>("persistence-test", "later", "x"), inAnHour)).isTrue();
        assertThat(client.scheduleIfNotExists(new TaskInstance<>("persistence-test", "later", "x"), inAnHour)).isFalse();
        assertThat(client.getScheduledExecutions()).singleElement()
                .satisfies(e -> assertThat(e.getExecutionTime()).isCloseTo(inAnHour, within(Duration.ofMillis(1))));
        client.cancel(new TaskInstance<>("persistence-test", "later"));

        Scheduler scheduler = Scheduler.create(dataSource, task).pollingInterval(Duration.ofMillis(200)).threads(1)
                .shutdownMaxWait(Duration.ofSeconds(5)).build();
        try {
            scheduler.start();
            scheduler.schedule(task.instance("now", "hello"), Instant.now());
            assertThat(ran.await(20, TimeUnit.SECONDS)).as("the task ran").isTrue();
        } finally {
            scheduler.stop();
        }
        assertThat(runs).hasValue(1);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'persistence-test'").query(Integer.class).single())
                .as("a one-time task is removed once done").isZero();
    }

    @Test
    void springModulithsEventPublicationTableCanBeCreatedWrittenAndRead() throws Exception {
        String vendor;
        try (Connection c = dataSource.getConnection()) {
            vendor = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres") ? "postgresql" : "h2";
            ScriptUtils.executeSqlScript(c, new ClassPathResource("org/springframework/modulith/events/jdbc/schemas/v2/schema-" + vendor + ".sql"));
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime published = NOW.atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, "id.balai.notifications.Listener.on(id.balai.reports.ReportRouted)", "id.balai.reports.ReportRouted",
                        "{\"reportId\":1,\"trackingCode\":\"K7MQ-3P9X\",\"agencyId\":7}", published, "PUBLISHED", 1)
                .update();
        jdbc.sql("update event_publication set completion_date = ?, status = ? where id = ?")
                .params(published.plusSeconds(2), "COMPLETED", id).update();

        var row = jdbc.sql("select * from event_publication where id = ?").param(id).query().singleRow();
        assertThat(row.get("serialized_event").toString()).contains("K7MQ-3P9X");
        assertThat(row.get("status")).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("select completion_date from event_publication where id = ?").param(id)
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(NOW.plusSeconds(2));
        assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null").query(Integer.class).single()).isZero();
        jdbc.sql("drop table event_publication").update();
    }

    // --- the aggregate -----------------------------------------------------------------------

    @Test
    void aSubmittedReportReadsBackWithEveryField() {
        Instant at = wib(2026, 11, 2, 8, 15).plusNanos(123_456_000);
        Report r = Report.submit("K7MQ-3P9X", "submission-1", "citizen-token-1", roads, "Lubang besar di depan SD 3",
                -6.99321, 110.42031, "Jl. Pemuda 12", false, KELURAHAN_A, true, true, "WHATSAPP", at, CALENDAR);
        reports.insert(r);

        assertThat(r.id()).isNotNull().isPositive();
        Report back = reports.byId(r.id()).orElseThrow();
        assertThat(back.id()).isEqualTo(r.id());
        assertThat(back.trackingCode()).isEqualTo("K7MQ-3P9X");
        assertThat(back.submissionKey).isEqualTo("submission-1");
        assertThat(back.citizenToken()).isEqualTo("citizen-token-1");
        assertThat(back.categoryId()).isEqualTo(roads.id());
        assertThat(back.description()).isEqualTo("Lubang besar di depan SD 3");
        assertThat(back.publicDescription()).isNull();
        assertThat(back.lat()).isEqualTo(-6.99321);
        assertThat(back.lon()).isEqualTo(110.42031);
        assertThat(back.address()).isEqualTo("Jl. Pemuda 12");
        assertThat(back.locationPrecise()).isFalse();
        assertThat(back.kelurahanCode()).isEqualTo(KELURAHAN_A);
        assertThat(back.agencyId()).isNull();
        assertThat(back.status()).isEqualTo(ReportStatus.RECEIVED);
        assertThat(back.anonymous()).isTrue();
        assertThat(back.confidential()).isTrue();
        assertThat(back.channel()).isEqualTo("WHATSAPP");
        assertThat(back.submittedAt()).isEqualTo(at);
        assertThat(back.updatedAt()).isEqualTo(at);
        assertThat(back.routedAt()).isNull();
        assertThat(back.verifyDueAt()).isEqualTo(wib(2026, 11, 5, 8, 15).plusNanos(123_456_000));
        assertThat(back.followUpDueAt()).isNull();
        assertThat(back.resolvedAt()).isNull();
        assertThat(back.autoCloseDueAt()).isNull();
        assertThat(back.closedAt()).isNull();
        assertThat(back.escalationLevel()).isZero();
        assertThat(back.duplicateOf()).isNull();
        assertThat(back.supporters()).isZero();
        assertThat(back.rating()).isNull();
        assertThat(back.ratingComment()).isNull();
        assertThat(back.version).isZero();
        assertThat(back.newEntries()).isEmpty();

        assertThat(reports.byTrackingCode("K7MQ-3P9X")).map(Report::id).contains(r.id());
        assertThat(reports.bySubmissionKey("submission-1")).map(Report::id).contains(r.id());
        assertThat(reports.byTrackingCode("ZZZZ-ZZZZ")).isEmpty();
        assertThat(reports.byId(r.id() + 1000)).isEmpty();
        assertThat(reports.trackingCodeTaken("K7MQ-3P9X")).isTrue();
        assertThat(reports.trackingCodeTaken("K7MQ-3P9Y")).isFalse();
        assertThat(reports.count()).isEqualTo(1);
        assertThat(r.newEntries()).as("the first entry was written").isEmpty();
    }

    @Test
    void everyFieldAWorkflowChangesIsSavedAndReadBack() {
        Report r = submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 10, 26, 10, 0), false);
        Instant routed = wib(2026, 10, 27, 11, 0);
        r.route(DESK, AGENCY_DPUPR, roads, routed, CALENDAR);
        r.moderate(DESK, "Lubang di jalan (disunting)", routed);
        reports.update(r);
        Report back = reports.byId(r.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(ReportStatus.ROUTED);
        assertThat(back.agencyId()).isEqualTo(AGENCY_DPUPR);
        assertThat(back.routedAt()).isEqualTo(routed);
        assertThat(back.followUpDueAt()).isEqualTo(wib(2026, 11, 3, 11, 0));
        assertThat(back.publicDescription()).isEqualTo("Lubang di jalan (disunting)");
        assertThat(back.publicText()).isEqualTo("Lubang di jalan (disunting)");
        assertThat(back.description()).startsWith("Laporan ");
        assertThat(back.updatedAt()).isEqualTo(routed);
        assertThat(back.version).isEqualTo(1);

        back.escalate(1, routed.plusSeconds(60));
        Instant resolved = wib(2026, 10, 30, 15, 30);
        back.start(OPD, resolved.minusSeconds(3600));
        back.resolve(OPD, "Sudah ditambal", roads, resolved, CALENDAR);
        back.rate(4, "  Cepat, terima kasih  ", resolved.plusSeconds(60));
        reports.update(back);
        Report again = reports.byId(r.id()).orElseThrow();
        assertThat(again.status()).isEqualTo(ReportStatus.RESOLVED);
        assertThat(again.escalationLevel()).isEqualTo(1);
        assertThat(again.resolvedAt()).isEqualTo(resolved);
        assertThat(again.autoCloseDueAt()).isEqualTo(wib(2026, 11, 13, 15, 30));
        assertThat(again.rating()).isEqualTo(4);
        assertThat(again.ratingComment()).isEqualTo("Cepat, terima kasih");
        assertThat(again.version).isEqualTo(2);

        Instant closed = wib(2026, 11, 2, 8, 0);
        again.confirm(closed);
        reports.update(again);
        Report last = reports.byId(r.id()).orElseThrow();
        assertThat(last.status()).isEqualTo(ReportStatus.CLOSED);
        assertThat(last.closedAt()).isEqualTo(closed);
        assertThat(last.version).isEqualTo(3);
    }

    @Test
    void aMergedReportPointsToItsTargetAndTheTargetKeepsTheSupporters() {
        Report original = submit(roads, KELURAHAN_A, -6.99, 110.42, NOW.minusSeconds(7200), false);
        original.verify(DESK, NOW.minusSeconds(7000));
        reports.update(original);
        Report second = submit(roads, KELURAHAN_A, -6.99, 110.42, NOW.minusSeconds(3600), false);
        assertThat(reports.addSupport(second.id(), "browser-1", NOW.minusSeconds(3000))).isTrue();
        Report repeat = reports.byId(second.id()).orElseThrow();
        Report target = reports.byId(original.id()).orElseThrow();

        repeat.mergeInto(DESK, target, NOW);
        reports.update(repeat);
        reports.update(target);

        Report merged = reports.byId(repeat.id()).orElseThrow();
        assertThat(merged.status()).isEqualTo(ReportStatus.REJECTED);
        assertThat(merged.duplicateOf()).isEqualTo(target.id());
        assertThat(merged.closedAt()).isEqualTo(NOW);
        assertThat(reports.byId(target.id()).orElseThrow().supporters()).isEqualTo(2);
        assertThat(reports.timeline(target.id())).extracting(TimelineEntry::action).containsExactly(
                Action.SUBMITTED, Action.VERIFIED, Action.MERGED);
        assertThat(reports.timeline(repeat.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo(Action.MERGED_INTO);
            assertThat(e.note()).isEqualTo("[DUPLICATE] " + target.trackingCode());
            assertThat(e.publicNote()).isFalse();
        });
    }

    @Test
    void twoStaffChangingTheSameReportConflictAndTheSecondChangeIsNotSaved() {
        Report r = submit(roads, KELURAHAN_A, -6.99, 110.42, NOW.minusSeconds(3600), false);
        Report first = reports.byId(r.id()).orElseThrow();
        Report second = reports.byId(r.id()).orElseThrow();

        first.verify(DESK, NOW);
        reports.update(first);
        second.reject(DESK, Report.RejectReason.SPAM, "iklan", NOW.plusSeconds(1));

        assertThatThrownBy(() -> reports.update(second))
                .isInstanceOf(WorkflowException.class)
                .satisfies(e -> assertThat(((WorkflowException) e).messageKey()).isEqualTo("error.workflow.conflict"));
        Report stored = reports.byId(r.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ReportStatus.VERIFIED);
        assertThat(stored.version).isEqualTo(1);
        assertThat(reports.timeline(r.id())).extracting(TimelineEntry::action)
                .as("the losing change wrote nothing to the timeline").containsExactly(Action.SUBMITTED, Action.VERIFIED);

        Report reloaded = reports.byId(r.id()).orElseThrow();
        reloaded.reject(DESK, Report.RejectReason.SPAM, "iklan", NOW.plusSeconds(2));
        reports.update(reloaded);
        assertThat(reports.byId(r.id()).orElseThrow().status()).isEqualTo(ReportStatus.REJECTED);
    }

    @Test
    void theTimelineComesBackInOrderWithItsDetails() {
        Instant submitted = wib(2026, 10, 26, 10, 0);
        Report r = submit(roads, KELURAHAN_A, -6.99, 110.42, submitted, false);
        Instant routed = wib(2026, 10, 26, 11, 0);
        r.route(DESK, AGENCY_DPUPR, roads, routed, CALENDAR); // verifies first, at the same instant
        reports.update(r);
        r.addNote(OPD, "  cek lokasi besok  ", false, wib(2026, 10, 26, 12, 0));
        r.handBack(OPD, "Bukan wewenang DPUPR", roads, wib(2026, 10, 26, 13, 0), CALENDAR);
        reports.update(r);
        r.route(DESK, AGENCY_DLH, roads, wib(2026, 10, 26, 14, 0), CALENDAR);
        r.resolve(OPD, "Sudah diperbaiki", roads, wib(2026, 10, 27, 9, 0), CALENDAR);
        reports.update(r);

        List<TimelineEntry> timeline = reports.timeline(r.id());
        assertThat(timeline).extracting(TimelineEntry::action).containsExactly(Action.SUBMITTED, Action.VERIFIED,
                Action.ROUTED, Action.NOTE, Action.HANDED_BACK, Action.ROUTED, Action.RESOLVED);
        assertThat(timeline).extracting(TimelineEntry::at).isSorted();

        TimelineEntry submittedEntry = timeline.get(0);
        assertThat(submittedEntry.at()).isEqualTo(submitted);
        assertThat(submittedEntry.actor()).isEqualTo("warga");
        assertThat(submittedEntry.actorRole()).isEqualTo("CITIZEN");
        assertThat(submittedEntry.from()).isNull();
        assertThat(submittedEntry.to()).isEqualTo(ReportStatus.RECEIVED);
        assertThat(submittedEntry.note()).isNull();
        assertThat(submittedEntry.publicNote()).isTrue();

        assertThat(timeline.get(1).at()).isEqualTo(timeline.get(2).at());
        TimelineEntry routedEntry = timeline.get(2);
        assertThat(routedEntry.actor()).isEqualTo("desk");
        assertThat(routedEntry.actorRole()).isEqualTo("COORDINATOR");
        assertThat(routedEntry.from()).isEqualTo(ReportStatus.VERIFIED);
        assertThat(routedEntry.to()).isEqualTo(ReportStatus.ROUTED);
        assertThat(routedEntry.agencyId()).isEqualTo(AGENCY_DPUPR);

        TimelineEntry note = timeline.get(3);
        assertThat(note.note()).isEqualTo("cek lokasi besok");
        assertThat(note.publicNote()).isFalse();
        assertThat(note.from()).isEqualTo(ReportStatus.ROUTED).isEqualTo(note.to());

        TimelineEntry handedBack = timeline.get(4);
        assertThat(handedBack.note()).isEqualTo("Bukan wewenang DPUPR");
        assertThat(handedBack.agencyId()).as("the OPD that handed it back").isEqualTo(AGENCY_DPUPR);
        assertThat(handedBack.to()).isEqualTo(ReportStatus.VERIFIED);
        assertThat(timeline.get(5).agencyId()).isEqualTo(AGENCY_DLH);
        assertThat(timeline.get(6).note()).isEqualTo("Sudah diperbaiki");
        assertThat(timeline.get(6).publicNote()).isTrue();
    }

    @Test
    void whatANotificationNeedsIsReadInOneQueryWithTheNewestPublicNote() {
        Report r = submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 10, 26, 10, 0), false);
        assertThat(reports.forNotice(r.id())).hasValueSatisfying(n -> {
            assertThat(n.report().trackingCode()).isEqualTo(r.trackingCode());
            assertThat(n.report().citizenToken()).isEqualTo(r.citizenToken());
            assertThat(n.reporterEmail()).as("no reporter row").isNull();
            assertThat(n.latestPublicNote()).as("the submission entry has no note").isNull();
        });

        reports.saveReporter(r.id(), new Reports.Reporter("Siti", null, "siti@example.id"));
        r.route(DESK, AGENCY_DPUPR, roads, wib(2026, 10, 26, 11, 0), CALENDAR);
        r.addNote(DESK, "pertama", true, wib(2026, 10, 26, 12, 0));
        r.addNote(DESK, "kedua, pada menit yang sama", true, wib(2026, 10, 26, 12, 0));
        r.addNote(OPD, "internal, lebih baru", false, wib(2026, 10, 26, 13, 0));
        reports.update(r);

        Reports.ForNotice n = reports.forNotice(r.id()).orElseThrow();
        assertThat(n.reporterEmail()).isEqualTo("siti@example.id");
        assertThat(n.latestPublicNote()).isEqualTo("kedua, pada menit yang sama");
        assertThat(n.report().status()).isEqualTo(ReportStatus.ROUTED);
        assertThat(n.report().agencyId()).isEqualTo(AGENCY_DPUPR);
        assertThat(n.latestPublicNote()).as("the same note as read from the whole timeline")
                .isEqualTo(reports.timeline(r.id()).stream().filter(e -> e.publicNote() && e.note() != null)
                        .reduce((a, b) -> b).map(TimelineEntry::note).orElse(null));

        Report other = submit(roads, KELURAHAN_A, -6.99, 110.42, NOW, false);
        reports.saveReporter(other.id(), new Reports.Reporter("Budi", "081234567890", null));
        assertThat(reports.forNotice(other.id())).map(Reports.ForNotice::reporterEmail).isEmpty();
        assertThat(reports.forNotice(other.id() + 1000)).isEmpty();
    }

    // --- parts of a report -------------------------------------------------------------------

    @Test
    void theReporterTheAnswersAndThePhotosRoundTrip() {
        Report r = submit(roads, KELURAHAN_A, -6.99, 110.42, NOW, false);
        reports.saveReporter(r.id(), new Reports.Reporter("Siti", "+6281234567890", "siti@example.id"));
        reports.saveAnswers(r.id(), Map.of("depth", "30", "area", "2"));
        reports.addPhoto(r.id(), "BEFORE", "reports/b1.jpg", "reports/b1-t.jpg", 2048, 1536, NOW);
        reports.addPhoto(r.id(), "BEFORE", "reports/a0.jpg", "reports/a0-t.jpg", 800, 600, NOW);
        reports.addPhoto(r.id(), "AFTER", "reports/0after.jpg", "reports/0after-t.jpg", 1024, 768, NOW);

        assertThat(reports.reporter(r.id())).contains(new Reports.Reporter("Siti", "+6281234567890", "siti@example.id"));
        assertThat(reports.answers(r.id())).containsExactly(Map.entry("area", "2"), Map.entry("depth", "30"));
        List<Reports.Photo> photos = reports.photos(r.id());
        assertThat(photos).extracting(Reports.Photo::storageKey).containsExactly("reports/b1.jpg", "reports/a0.jpg", "reports/0after.jpg");
        assertThat(photos.get(0).width()).isEqualTo(2048);
        assertThat(photos.get(0).height()).isEqualTo(1536);
        assertThat(photos).noneMatch(Reports.Photo::hidden);
        assertThat(reports.photoByKey("reports/a0-t.jpg")).map(Reports.Photo::id).contains(photos.get(1).id());
        assertThat(reports.photoByKey("reports/none.jpg")).isEmpty();

        r.verify(DESK, NOW);
        reports.update(r);
        assertThat(reports.publicList(Filter.none(), 0, 10)).singleElement()
                .extracting(Summary::thumbKey).as("the first visible citizen photo").isEqualTo("reports/a0-t.jpg");

        reports.hidePhoto(r.id(), photos.get(1).id());
        assertThat(reports.photos(r.id()).get(1).hidden()).isTrue();
        assertThat(reports.publicList(Filter.none(), 0, 10)).singleElement()
                .extracting(Summary::thumbKey).isEqualTo("reports/b1-t.jpg");
        assertThatThrownBy(() -> reports.hidePhoto(r.id() + 1, photos.get(0).id()))
                .isInstanceOf(WorkflowException.class).hasMessage("error.photo.unknown");
    }

    @Test
    void aSupporterCountsOncePerReport() {
        Report r = submit(roads, KELURAHAN_A, -6.99, 110.42, NOW, false);
        Report other = submit(roads, KELURAHAN_A, -6.99, 110.42, NOW, false);

        assertThat(reports.addSupport(r.id(), "browser-1", NOW)).isTrue();
        assertThat(reports.addSupport(r.id(), "browser-1", NOW.plusSeconds(5))).isFalse();
        assertThat(reports.addSupport(r.id(), "browser-2", NOW)).isTrue();
        assertThat(reports.addSupport(other.id(), "browser-1", NOW)).isTrue();

        assertThat(reports.byId(r.id()).orElseThrow().supporters()).isEqualTo(2);
        assertThat(reports.byId(other.id()).orElseThrow().supporters()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from report_support").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aSupporterMovesTheReportsUpdateTimeForClientsThatPollOnIt() {
        Report r = submit(roads, KELURAHAN_A, -6.99, 110.42, NOW, false);
        Instant before = reports.byId(r.id()).orElseThrow().updatedAt();
        reports.addSupport(r.id(), "browser-1", NOW.plusSeconds(3600));
        assertThat(reports.byId(r.id()).orElseThrow().updatedAt()).isAfter(before).isEqualTo(NOW.plusSeconds(3600));
        reports.addSupport(r.id(), "browser-1", NOW.plusSeconds(7200)); // counted already: nothing changes
        assertThat(reports.byId(r.id()).orElseThrow().updatedAt()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void aSecondReportWithTheSameSubmissionKeyIsRefusedAsADuplicateKey() {
        Report first = Report.submit(TrackingCode.generate(), "same-key", "t1", roads, "Laporan satu", -6.99, 110.42,
                null, true, KELURAHAN_A, false, false, "WEB", NOW, CALENDAR);
        reports.insert(first);
        Report again = Report.submit(TrackingCode.generate(), "same-key", "t2", roads, "Laporan satu", -6.99, 110.42,
                null, true, KELURAHAN_A, false, false, "WEB", NOW, CALENDAR);

        assertThatThrownBy(() -> reports.insert(again)).isInstanceOf(DuplicateKeyException.class);
        assertThat(reports.count()).isEqualTo(1);
        assertThat(reports.bySubmissionKey("same-key")).map(Report::id).contains(first.id());

        Report sameCode = Report.submit(first.trackingCode(), "other-key", "t3", roads, "Laporan dua", -6.99, 110.42,
                null, true, KELURAHAN_A, false, false, "WEB", NOW, CALENDAR);
        assertThatThrownBy(() -> reports.insert(sameCode)).isInstanceOf(DuplicateKeyException.class);
    }

    // --- public lists ------------------------------------------------------------------------

    @Test
    void thePublicListShowsOnlyPublicReportsNewestFirst() {
        Report received = submit(roads, KELURAHAN_A, -6.99, 110.42, NOW.minusSeconds(100), false);
        Report rejected = inStatus(ReportStatus.REJECTED, roads, KELURAHAN_A, NOW.minusSeconds(90), false);
        Report verified = inStatus(ReportStatus.VERIFIED, roads, KELURAHAN_A, NOW.minusSeconds(80), false);
        Report routed = inStatus(ReportStatus.ROUTED, roads, KELURAHAN_A, NOW.minusSeconds(70), false);
        Report confidential = inStatus(ReportStatus.ROUTED, roads, KELURAHAN_A, NOW.minusSeconds(60), true);
        Report inProgress = inStatus(ReportStatus.IN_PROGRESS, roads, KELURAHAN_A, NOW.minusSeconds(50), false);
        Report resolved = inStatus(ReportStatus.RESOLVED, roads, KELURAHAN_A, NOW.minusSeconds(40), false);
        Report closed = inStatus(ReportStatus.CLOSED, roads, KELURAHAN_A, NOW.minusSeconds(30), false);
        Report reopened = inStatus(ReportStatus.REOPENED, roads, KELURAHAN_A, NOW.minusSeconds(20), false);

        List<Summary> list = reports.publicList(Filter.none(), 0, 50);
        assertThat(list).extracting(Summary::id).containsExactly(reopened.id(), closed.id(), resolved.id(),
                inProgress.id(), routed.id(), verified.id());
        assertThat(list).extracting(Summary::id).doesNotContain(received.id(), rejected.id(), confidential.id());
        assertThat(list).noneMatch(Summary::confidential);

        Summary first = list.get(0);
        assertThat(first.trackingCode()).isEqualTo(reopened.trackingCode());
        assertThat(first.status()).isEqualTo(ReportStatus.REOPENED);
        assertThat(first.categoryId()).isEqualTo(roads.id());
        assertThat(first.kelurahanCode()).isEqualTo(KELURAHAN_A);
        assertThat(first.agencyId()).isEqualTo(AGENCY_DPUPR);
        assertThat(first.submittedAt()).isEqualTo(NOW.minusSeconds(20));
        assertThat(first.dueAt()).isEqualTo(reopened.followUpDueAt());
        assertThat(first.text()).isEqualTo(reopened.description());
        assertThat(list.get(1).dueAt()).as("nobody is waited on for a closed report").isNull();
        assertThat(list.get(2).dueAt()).isEqualTo(resolved.autoCloseDueAt());
        assertThat(list.get(5).dueAt()).isEqualTo(verified.verifyDueAt());
        assertThat(list.get(5).agencyId()).isNull();

        assertThat(reports.publicList(Filter.none(), 2, 2)).extracting(Summary::id).containsExactly(resolved.id(), inProgress.id());
        assertThat(reports.publicList(Filter.none(), 6, 10)).isEmpty();
    }

    @Test
    void thePublicListFiltersByCategoryStatusKelurahanAgencyDatesAndText() {
        Report a = inStatus(ReportStatus.ROUTED, roads, KELURAHAN_A, wib(2026, 10, 28, 10, 0), false);
        Report b = inStatus(ReportStatus.VERIFIED, roads, KELURAHAN_B, wib(2026, 10, 29, 10, 0), false);
        Report c = inStatus(ReportStatus.VERIFIED, rubbish, KELURAHAN_A, wib(2026, 10, 30, 10, 0), false);
        Report d = inStatus(ReportStatus.ROUTED, rubbish, KELURAHAN_B, wib(2026, 10, 31, 10, 0), false, AGENCY_DLH);

        assertThat(ids(new Filter(roads.id(), null, null, null, null, null, null, null))).containsExactly(b.id(), a.id());
        assertThat(ids(new Filter(null, ReportStatus.VERIFIED, null, null, null, null, null, null))).containsExactly(c.id(), b.id());
        assertThat(ids(new Filter(null, null, KELURAHAN_A, null, null, null, null, null))).containsExactly(c.id(), a.id());
        assertThat(ids(new Filter(null, null, null, AGENCY_DLH, null, null, null, null))).containsExactly(d.id());
        assertThat(ids(new Filter(rubbish.id(), ReportStatus.ROUTED, KELURAHAN_B, null, null, null, null, null))).containsExactly(d.id());
        // from is inclusive, to is exclusive
        assertThat(ids(new Filter(null, null, null, null, wib(2026, 10, 29, 10, 0), wib(2026, 10, 31, 10, 0), null, null)))
                .containsExactly(c.id(), b.id());
        assertThat(ids(new Filter(null, null, null, null, wib(2026, 10, 31, 0, 0), null, null, null))).containsExactly(d.id());
        assertThat(ids(new Filter(null, null, null, null, null, wib(2026, 10, 29, 0, 0), null, null))).containsExactly(a.id());
        // text: a tracking code as typed, or words of the (public) text
        assertThat(ids(new Filter(null, null, null, null, null, null, null, " " + b.trackingCode().toLowerCase() + " "))).containsExactly(b.id());
        assertThat(ids(new Filter(null, null, null, null, null, null, null, "LAPORAN " + sequenceOf(c)))).containsExactly(c.id());
        assertThat(ids(new Filter(null, null, null, null, null, null, null, "100%_"))).isEmpty();
    }

    @Test
    void openNearbyFindsOnlyOpenPublicReportsOfTheCategoryWithinTheRadius() {
        double lat = -6.9900, lon = 110.4200;
        double metre = 1 / 111_320.0;
        double metreLon = metre / Math.cos(Math.toRadians(lat));
        Report near = inStatus(ReportStatus.VERIFIED, roads, KELURAHAN_A, NOW.minusSeconds(60), false, lat + 100 * metre, lon);
        Report east = inStatus(ReportStatus.IN_PROGRESS, roads, KELURAHAN_A, NOW.minusSeconds(50), false, lat, lon + 300 * metreLon);
        Report reopened = inStatus(ReportStatus.REOPENED, roads, KELURAHAN_A, NOW.minusSeconds(45), false, lat - 450 * metre, lon);
        inStatus(ReportStatus.ROUTED, roads, KELURAHAN_A, NOW.minusSeconds(40), false, lat + 600 * metre, lon); // too far
        inStatus(ReportStatus.ROUTED, roads, KELURAHAN_A, NOW.minusSeconds(35), false, lat + 400 * metre, lon + 400 * metreLon); // in the box, not the circle
        inStatus(ReportStatus.VERIFIED, rubbish, KELURAHAN_A, NOW.minusSeconds(30), false, lat, lon); // other category
        inStatus(ReportStatus.VERIFIED, roads, KELURAHAN_A, NOW.minusSeconds(25), true, lat, lon); // confidential
        inStatus(ReportStatus.RESOLVED, roads, KELURAHAN_A, NOW.minusSeconds(20), false, lat, lon); // no longer open
        inStatus(ReportStatus.REJECTED, roads, KELURAHAN_A, NOW.minusSeconds(15), false, lat, lon);
        submit(roads, KELURAHAN_A, lat, lon, NOW.minusSeconds(10), false); // not yet verified

        List<Summary> found = reports.openNearby(roads.id(), lat, lon, 500, 10);
        assertThat(found).extracting(Summary::id).containsExactly(reopened.id(), east.id(), near.id());
        assertThat(reports.openNearby(roads.id(), lat, lon, 500, 2)).extracting(Summary::id).containsExactly(reopened.id(), east.id());
        assertThat(reports.openNearby(roads.id(), lat, lon, 150, 10)).extracting(Summary::id).containsExactly(near.id());
        assertThat(reports.openNearby(rubbish.id(), lat + 0.1, lon, 500, 10)).isEmpty();
    }

    // --- staff inbox and jobs ----------------------------------------------------------------

    @Test
    void overdueFindsOpenReportsPastTheirDeadlineUntilLevelTwo() {
        Report desk = submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 10, 19, 9, 0), false);
        Report opd = submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 10, 19, 9, 0), false);
        routeAt(opd, AGENCY_DPUPR, wib(2026, 10, 20, 9, 0));
        Report levelOne = submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 10, 19, 9, 0), false);
        levelOne.escalate(1, wib(2026, 10, 23, 9, 0));
        reports.update(levelOne);
        Report levelTwo = submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 10, 19, 9, 0), false);
        levelTwo.escalate(2, wib(2026, 10, 27, 9, 0));
        reports.update(levelTwo);
        submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 11, 2, 8, 0), false); // not yet due
        inStatus(ReportStatus.RESOLVED, roads, KELURAHAN_A, wib(2026, 10, 1, 9, 0), false); // its clock is auto-close
        inStatus(ReportStatus.REJECTED, roads, KELURAHAN_A, wib(2026, 10, 1, 9, 0), false);
        inStatus(ReportStatus.CLOSED, roads, KELURAHAN_A, wib(2026, 10, 1, 9, 0), false);

        assertThat(reports.overdue(NOW, 100)).extracting(Report::id).containsExactly(desk.id(), opd.id(), levelOne.id());
        assertThat(reports.overdue(NOW, 2)).extracting(Report::id).containsExactly(desk.id(), opd.id());
        assertThat(reports.overdue(wib(2026, 10, 22, 9, 0), 100)).as("not before the deadline has passed").isEmpty();
        assertThat(reports.overdue(wib(2026, 10, 22, 9, 0).plusSeconds(1), 100)).extracting(Report::id)
                .containsExactly(desk.id(), levelOne.id());
    }

    @Test
    void aBatchOfOverdueReportsNeverFillsUpWithReportsNotYetDueForTheirNextLevel() {
        Report recentLevelOne = submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 10, 26, 9, 0), false);
        recentLevelOne.escalate(1, wib(2026, 10, 29, 10, 0));
        reports.update(recentLevelOne);
        Report oldLevelOne = submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 10, 12, 9, 0), false);
        oldLevelOne.escalate(1, wib(2026, 10, 15, 10, 0));
        reports.update(oldLevelOne);
        Report neverEscalated = submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 10, 26, 9, 0), false);

        assertThat(reports.overdue(NOW, 1)).extracting(Report::id).containsExactly(neverEscalated.id());
        assertThat(reports.overdue(NOW, 2)).extracting(Report::id).containsExactly(neverEscalated.id(), oldLevelOne.id());
        assertThat(reports.overdue(NOW, 10)).extracting(Report::id)
                .containsExactly(neverEscalated.id(), oldLevelOne.id(), recentLevelOne.id());
    }

    @Test
    void dueForAutoCloseFindsResolvedReportsPastTheirWindow() {
        Report old = inStatus(ReportStatus.RESOLVED, roads, KELURAHAN_A, wib(2026, 10, 1, 9, 0), false);
        Report recent = inStatus(ReportStatus.RESOLVED, roads, KELURAHAN_A, wib(2026, 10, 30, 9, 0), false);
        inStatus(ReportStatus.CLOSED, roads, KELURAHAN_A, wib(2026, 10, 1, 9, 0), false);
        inStatus(ReportStatus.ROUTED, roads, KELURAHAN_A, wib(2026, 10, 1, 9, 0), false);

        assertThat(reports.dueForAutoClose(NOW, 100)).extracting(Report::id).containsExactly(old.id());
        assertThat(reports.dueForAutoClose(recent.autoCloseDueAt(), 100)).extracting(Report::id).containsExactly(old.id());
        assertThat(reports.dueForAutoClose(recent.autoCloseDueAt().plusMillis(1), 100)).extracting(Report::id)
                .containsExactly(old.id(), recent.id());
        assertThat(reports.dueForAutoClose(recent.autoCloseDueAt().plusMillis(1), 1)).extracting(Report::id).containsExactly(old.id());

        Report closing = reports.dueForAutoClose(NOW, 1).get(0);
        closing.autoClose(NOW);
        reports.update(closing);
        assertThat(reports.dueForAutoClose(NOW, 100)).isEmpty();
        assertThat(reports.byId(old.id()).orElseThrow().status()).isEqualTo(ReportStatus.CLOSED);
    }

    // --- categories --------------------------------------------------------------------------

    @Test
    void categoriesAreListedInOrderWithTheirSettingsAndQuestions() {
        long flood = categories.create("BANJIR", "Banjir", "Flood", "#banjir", "water", null, true, 1, 1, 5, 0);
        categories.addQuestion(flood, new Category.Question("depth", "Berapa dalam airnya?", "How deep is the water?",
                Category.Question.Kind.NUMBER, true, List.of()), 1);
        categories.addQuestion(flood, new Category.Question("spread", "Seberapa luas?", "How wide?",
                Category.Question.Kind.CHOICE, false, List.of("Satu rumah", "Satu RT", "Lebih luas")), 2);

        assertThat(categories.all()).extracting(Category::code).containsExactly("BANJIR", "JALAN", "SAMPAH");
        Category c = categories.byCode("banjir").orElseThrow();
        assertThat(c.id()).isEqualTo(flood);
        assertThat(c.nameId()).isEqualTo("Banjir");
        assertThat(c.nameEn()).isEqualTo("Flood");
        assertThat(c.name(java.util.Locale.ENGLISH)).isEqualTo("Flood");
        assertThat(c.name(java.util.Locale.forLanguageTag("id"))).isEqualTo("Banjir");
        assertThat(c.hashtag()).isEqualTo("#banjir");
        assertThat(c.icon()).isEqualTo("water");
        assertThat(c.defaultAgencyId()).isNull();
        assertThat(c.emergency()).isTrue();
        assertThat(c.verifyDays()).isEqualTo(1);
        assertThat(c.followUpDays()).isEqualTo(1);
        assertThat(c.autoCloseDays()).isEqualTo(5);
        assertThat(c.questions()).extracting(Category.Question::code).containsExactly("depth", "spread");
        assertThat(c.questions().get(0).kind()).isEqualTo(Category.Question.Kind.NUMBER);
        assertThat(c.questions().get(0).required()).isTrue();
        assertThat(c.questions().get(0).choices()).isEmpty();
        assertThat(c.questions().get(1).choices()).containsExactly("Satu rumah", "Satu RT", "Lebih luas");
        assertThat(c.questions().get(1).label(java.util.Locale.ENGLISH)).isEqualTo("How wide?");
        assertThat(roads.defaultAgencyId()).isEqualTo(AGENCY_DPUPR);

        jdbc.sql("update report_category set active = false where code = 'SAMPAH'").update();
        assertThat(new Categories(jdbc, new PublicContent()).all()).extracting(Category::code).containsExactly("BANJIR", "JALAN");
        // an inactive category is no longer offered, but the reports filed under it still find it
        assertThat(new Categories(jdbc, new PublicContent()).byId(rubbish.id())).get().extracting(Category::code).isEqualTo("SAMPAH");
        assertThat(new Categories(jdbc, new PublicContent()).byHashtagIn("tumpukan #sampah")).isEmpty();
    }

    @Test
    void aHashtagInFreeTextNamesTheCategory() {
        assertThat(categories.byHashtagIn("Ada lubang besar #JalanRusak di Jl. Pemuda")).map(Category::code).contains("JALAN");
        assertThat(categories.byHashtagIn("tumpukan #sampah")).map(Category::code).contains("SAMPAH");
        assertThat(categories.byHashtagIn("tanpa tagar")).isEmpty();
        assertThat(categories.byHashtagIn(null)).isEmpty();
    }

    @Test
    void aRoutingRuleOverridesTheCategorysDefaultAgencyInItsKelurahan() {
        categories.addRoutingRule(roads.id(), KELURAHAN_B, AGENCY_DLH);

        assertThat(categories.responsibleAgency(roads, KELURAHAN_A)).contains(AGENCY_DPUPR);
        assertThat(categories.responsibleAgency(roads, KELURAHAN_B)).contains(AGENCY_DLH);
        assertThat(categories.responsibleAgency(rubbish, KELURAHAN_A)).isEmpty();
        assertThatThrownBy(() -> categories.addRoutingRule(roads.id(), KELURAHAN_B, AGENCY_DPUPR))
                .isInstanceOf(DuplicateKeyException.class);
    }


    @Test
    void theInboxPutsOverdueReportsFirstThenTheNearestDeadline() {
        Report overdueDesk = submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 10, 19, 9, 0), false); // due 22 Oct
        Report overdueOpd = submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 10, 20, 9, 0), false);
        routeAt(overdueOpd, AGENCY_DPUPR, wib(2026, 10, 21, 9, 0)); // due 28 Oct
        Report dueLater = submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 11, 2, 7, 0), false);
        routeAt(dueLater, AGENCY_DPUPR, wib(2026, 11, 2, 8, 0)); // due 9 Nov
        Report dueSoon = submit(roads, KELURAHAN_A, -6.99, 110.42, wib(2026, 11, 2, 7, 30), false); // due 5 Nov
        Report resolved = inStatus(ReportStatus.RESOLVED, roads, KELURAHAN_A, wib(2026, 10, 1, 9, 0), false); // auto-close due passed
        Report closed = inStatus(ReportStatus.CLOSED, roads, KELURAHAN_A, wib(2026, 10, 2, 9, 0), false);

        var all = new ReportPolicy().scope(staff(StaffRole.COORDINATOR, null, null));
        List<Summary> inbox = reports.inbox(all.sql(), all.params(), Filter.none(), NOW, 0, 50);
        assertThat(inbox).extracting(Summary::id).containsExactly(overdueDesk.id(), overdueOpd.id(), dueSoon.id(),
                dueLater.id(), resolved.id(), closed.id());
        assertThat(inbox).extracting(s -> s.overdue(NOW)).containsExactly(true, true, false, false, false, false);
        assertThat(inbox.get(0).dueAt()).isEqualTo(wib(2026, 10, 22, 9, 0));
        assertThat(inbox.get(1).dueAt()).isEqualTo(wib(2026, 10, 28, 9, 0));

        Filter overdueOnly = new Filter(null, null, null, null, null, null, true, null);
        assertThat(reports.inbox(all.sql(), all.params(), overdueOnly, NOW, 0, 50)).extracting(Summary::id)
                .containsExactly(overdueDesk.id(), overdueOpd.id());
        assertThat(reports.inbox(all.sql(), all.params(), Filter.none(), NOW, 1, 2)).extracting(Summary::id)
                .containsExactly(overdueOpd.id(), dueSoon.id());
    }

    @Test
    void theInboxScopeFromThePolicyShowsEachRoleItsOwnReports() {
        Report dpuprA = inStatus(ReportStatus.ROUTED, roads, KELURAHAN_A, NOW.minusSeconds(50), false, AGENCY_DPUPR);
        Report dlhA = inStatus(ReportStatus.IN_PROGRESS, rubbish, KELURAHAN_A, NOW.minusSeconds(40), false, AGENCY_DLH);
        Report dpuprB = inStatus(ReportStatus.RESOLVED, roads, KELURAHAN_B, NOW.minusSeconds(30), true, AGENCY_DPUPR);
        Report newB = submit(roads, KELURAHAN_B, -6.99, 110.42, NOW.minusSeconds(20), false);
        ReportPolicy policy = new ReportPolicy();

        assertThat(inboxOf(policy, staff(StaffRole.AGENCY_ADMIN, AGENCY_DPUPR, null))).containsExactlyInAnyOrder(dpuprA.id(), dpuprB.id());
        assertThat(inboxOf(policy, staff(StaffRole.FIELD_OFFICER, AGENCY_DLH, null))).containsExactly(dlhA.id());
        assertThat(inboxOf(policy, staff(StaffRole.FIELD_OFFICER, null, null))).as("an officer without agency sees nothing").isEmpty();
        assertThat(inboxOf(policy, staff(StaffRole.LURAH, null, KELURAHAN_B))).containsExactlyInAnyOrder(dpuprB.id(), newB.id());
        assertThat(inboxOf(policy, staff(StaffRole.LURAH, null, null))).isEmpty();
        for (StaffRole role : List.of(StaffRole.CITY_ADMIN, StaffRole.COORDINATOR, StaffRole.LEADER)) {
            assertThat(inboxOf(policy, staff(role, null, null))).as(role.name()).hasSize(4);
        }
        var dpupr = policy.scope(staff(StaffRole.AGENCY_ADMIN, AGENCY_DPUPR, null));
        assertThat(reports.inbox(dpupr.sql(), dpupr.params(), new Filter(null, null, KELURAHAN_B, null, null, null, null, null), NOW, 0, 50))
                .extracting(Summary::id).as("filters narrow the scope, never widen it").containsExactly(dpuprB.id());
        assertThat(reports.inbox(dpupr.sql(), dpupr.params(), new Filter(null, null, null, AGENCY_DLH, null, null, null, null), NOW, 0, 50))
                .isEmpty();
    }

    @Test
    void thePublicMapGroupsNearbyReportsIntoOneCellWithACount() {
        // a filter (any) makes the map group live rows; the unfiltered map reads the pre-counted cells
        Report p1 = inStatus(ReportStatus.VERIFIED, roads, KELURAHAN_A, NOW.minusSeconds(50), false, -6.9950, 110.4250);
        Report p2 = inStatus(ReportStatus.ROUTED, rubbish, KELURAHAN_A, NOW.minusSeconds(40), false, -6.9960, 110.4260);
        Report p3 = inStatus(ReportStatus.IN_PROGRESS, roads, KELURAHAN_B, NOW.minusSeconds(30), false, -6.9650, 110.4450);
        inStatus(ReportStatus.ROUTED, roads, KELURAHAN_B, NOW.minusSeconds(20), true, -6.9655, 110.4455); // confidential
        submit(roads, KELURAHAN_A, -6.9955, 110.4255, NOW.minusSeconds(10), false); // RECEIVED: not public yet
        inStatus(ReportStatus.VERIFIED, roads, KELURAHAN_A, NOW.minusSeconds(5), false, -7.5, 110.4250); // outside the box

        List<Reports.Cell> cells = reports.publicMap(LIVE, -7.1, 110.3, -6.9, 110.5, 0.01);
        assertThat(cells).hasSize(2);
        Reports.Cell pair = cells.stream().filter(c -> c.count() == 2).findFirst().orElseThrow();
        assertThat(pair.trackingCode()).as("a cell of several reports has no single code").isNull();
        assertThat(pair.lat()).isCloseTo(-6.9955, within(1e-9));
        assertThat(pair.lon()).isCloseTo(110.4255, within(1e-9));
        Reports.Cell single = cells.stream().filter(c -> c.count() == 1).findFirst().orElseThrow();
        assertThat(single.trackingCode()).isEqualTo(p3.trackingCode());
        assertThat(single.lat()).isEqualTo(-6.9650);
        assertThat(single.lon()).isEqualTo(110.4450);
        assertThat(single.status()).isEqualTo(ReportStatus.IN_PROGRESS);
        assertThat(single.categoryId()).isEqualTo(roads.id());

        List<Reports.Cell> rubbishOnly = reports.publicMap(new Filter(rubbish.id(), null, null, null, null, null, null, null),
                -7.1, 110.3, -6.9, 110.5, 0.01);
        assertThat(rubbishOnly).singleElement().satisfies(c -> {
            assertThat(c.count()).isEqualTo(1);
            assertThat(c.trackingCode()).isEqualTo(p2.trackingCode());
        });
        assertThat(reports.publicMap(LIVE, -7.1, 110.3, -6.9, 110.5, 1.0)).singleElement()
                .satisfies(c -> assertThat(c.count()).isEqualTo(3));
        assertThat(reports.publicMap(LIVE, -6.98, 110.3, -6.9, 110.5, 0.01)).singleElement()
                .satisfies(c -> assertThat(c.trackingCode()).isEqualTo(p3.trackingCode()));
        assertThat(p1.trackingCode()).isNotNull();
    }

    @Test
    void aTimelineEntryWithoutAgencyReadsBackWithoutAgency() {
        Report r = submit(roads, KELURAHAN_A, -6.99, 110.42, NOW, false);
        r.route(DESK, AGENCY_DPUPR, roads, NOW.plusSeconds(60), CALENDAR);
        reports.update(r);

        List<TimelineEntry> timeline = reports.timeline(r.id());
        assertThat(timeline).extracting(TimelineEntry::action).containsExactly(Action.SUBMITTED, Action.VERIFIED, Action.ROUTED);
        assertThat(timeline).extracting(TimelineEntry::agencyId).containsExactly(null, null, AGENCY_DPUPR);
    }

    @Test
    void responseTemplatesAreListedSharedFirstChangedAndDeleted() {
        jdbc.sql("delete from response_template").update();
        var templates = new ResponseTemplates(jdbc, new RecordedAudit());
        long dlh = templates.add(AGENCY_DLH, "Angkut sampah", "Besok pagi diangkut.");
        long shared = templates.add(null, "Terima kasih", "Sudah kami terima.");
        long roads = templates.add(AGENCY_DPUPR, "Tambal jalan", "Segera ditambal.");
        assertThat(templates.all()).extracting(ResponseTemplates.ResponseTemplate::id).containsExactly(shared, roads, dlh);

        assertThat(templates.update(dlh, null, " Untuk semua ", " Teks baru. ")).isTrue();
        assertThat(templates.byId(dlh)).contains(new ResponseTemplates.ResponseTemplate(dlh, null, "Untuk semua", "Teks baru."));
        assertThat(templates.update(shared, AGENCY_DLH, "Terima kasih", "Sudah kami terima.")).isTrue();
        assertThat(templates.list(AGENCY_DLH)).extracting(ResponseTemplates.ResponseTemplate::id).containsExactly(shared, dlh);
        assertThat(templates.update(-1, null, "x", "y")).isFalse();

        assertThat(templates.delete(roads)).isTrue();
        assertThat(templates.delete(roads)).isFalse();
        assertThat(templates.byId(roads)).isEmpty();
        assertThat(templates.all()).hasSize(2);
    }
}
