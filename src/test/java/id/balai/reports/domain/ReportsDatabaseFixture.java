package id.balai.reports.domain;

import id.balai.platform.web.PublicContent;

import static org.assertj.core.api.Assertions.assertThat;

import id.balai.calendar.WorkingCalendar;
import id.balai.identity.StaffPrincipal;
import id.balai.identity.StaffRole;
import id.balai.reports.ReportStatus;
import id.balai.reports.domain.Reports.Filter;
import id.balai.reports.domain.Reports.Summary;
import id.balai.support.Migrations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database for the report persistence tests, without Spring: a data source from the subclass,
 * Flyway, {@code JdbcClient.create(dataSource)}. One database per class, emptied before each test, with
 * two categories; helpers take reports to any status through the domain's own transitions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportsDatabaseFixture {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final WorkingCalendar CALENDAR = new WorkingCalendar(JAKARTA, Set.of(LocalDate.of(2026, 8, 17)));
    /** "Now" of these tests: Monday 2 November 2026, 09:00 WIB. */
    static final Instant NOW = wib(2026, 11, 2, 9, 0);
    static final long AGENCY_DPUPR = 7;
    static final long AGENCY_DLH = 8;
    static final String KELURAHAN_A = "33.74.01.1001";
    static final String KELURAHAN_B = "33.74.01.1002";
    static final Actor DESK = new Actor("desk", "COORDINATOR", null);
    static final Actor OPD = new Actor("opd", "AGENCY_ADMIN", null);

    /** The tables these tests write, children first. */
    private static final List<String> TABLES = List.of("report_support", "report_event", "report_photo", "report_answer",
            "report_reporter", "staged_photo", "report", "routing_rule", "category_question", "report_category",
            "scheduled_tasks", "report_map_cell");

    DataSource dataSource;
    MigrateResult migration;
    JdbcClient jdbc;
    Reports reports;
    Categories categories;
    Category roads;
    Category rubbish;
    PublicContent publicContent;
    private int sequence;

    /** A fresh, empty database of the kind under test. */
    abstract DataSource openDatabase();

    abstract void closeDatabase();

    @BeforeAll
    void migrate() {
        dataSource = openDatabase();
        migration = Migrations.apply(dataSource);
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterAll
    void close() {
        closeDatabase();
    }

    @BeforeEach
    void emptyTablesAndCreateCategories() {
        TABLES.forEach(t -> jdbc.sql("delete from " + t).update());
        publicContent = new PublicContent();
        reports = new Reports(jdbc, publicContent);
        categories = new Categories(jdbc, new PublicContent());
        long roadsId = categories.create("JALAN", "Jalan rusak", "Damaged road", "#jalanrusak", "road", AGENCY_DPUPR,
                false, 3, 5, 10, 1);
        long rubbishId = categories.create("SAMPAH", "Sampah", "Rubbish", "#sampah", "trash", null, false, 2, 3, 7, 2);
        roads = categories.byId(roadsId).orElseThrow();
        rubbish = categories.byId(rubbishId).orElseThrow();
    }

    // --- helpers -----------------------------------------------------------------------------

    static Instant wib(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(JAKARTA).toInstant();
    }

    static StaffPrincipal staff(StaffRole role, Long agencyId, String regionCode) {
        return new StaffPrincipal(1, role.name().toLowerCase(), "Staff", null, role, agencyId, regionCode, false, null, true, 0);
    }

    List<Long> inboxOf(ReportPolicy policy, StaffPrincipal staff) {
        var scope = policy.scope(staff);
        return reports.inbox(scope.sql(), scope.params(), Filter.none(), NOW, 0, 100).stream().map(Summary::id).toList();
    }

    List<Long> ids(Filter filter) {
        return reports.publicList(filter, 0, 100).stream().map(Summary::id).toList();
    }

    /** A new RECEIVED report, saved; its description is "Laporan N" with a number unique in the test. */
    Report submit(Category category, String kelurahan, double lat, double lon, Instant at, boolean confidential) {
        int n = ++sequence;
        Report r = Report.submit(TrackingCode.generate(), "submission-" + UUID.randomUUID(), "token-" + n, category,
                "Laporan " + n + ": lubang di jalan", lat, lon, "Jl. Pemuda " + n, true, kelurahan, false, confidential,
                "WEB", at, CALENDAR);
        reports.insert(r);
        return r;
    }

    static String sequenceOf(Report r) {
        return r.description().substring("Laporan ".length(), r.description().indexOf(':') + 1);
    }

    void routeAt(Report r, long agency, Instant at) {
        r.route(DESK, agency, categories.byId(r.categoryId()).orElseThrow(), at, CALENDAR);
        reports.update(r);
    }

    Report inStatus(ReportStatus status, Category category, String kelurahan, Instant at, boolean confidential) {
        return inStatus(status, category, kelurahan, at, confidential, -6.99, 110.42);
    }

    Report inStatus(ReportStatus status, Category category, String kelurahan, Instant at, boolean confidential, long agency) {
        return inStatus(status, category, kelurahan, at, confidential, -6.99, 110.42, agency);
    }

    Report inStatus(ReportStatus status, Category category, String kelurahan, Instant at, boolean confidential, double lat, double lon) {
        return inStatus(status, category, kelurahan, at, confidential, lat, lon, AGENCY_DPUPR);
    }

    /**
     * A saved report taken to {@code status} through the domain's own transitions; the workflow steps
     * happen a minute apart from {@code at}, the submission time.
     */
    Report inStatus(ReportStatus status, Category category, String kelurahan, Instant at, boolean confidential,
            double lat, double lon, long agency) {
        Report r = submit(category, kelurahan, lat, lon, at, confidential);
        List<Runnable> steps = new ArrayList<>();
        Instant[] t = {at};
        java.util.function.Supplier<Instant> next = () -> t[0] = t[0].plusSeconds(60);
        switch (status) {
            case RECEIVED -> { }
            case VERIFIED -> steps.add(() -> r.verify(DESK, next.get()));
            case REJECTED -> steps.add(() -> r.reject(DESK, Report.RejectReason.NOT_A_REPORT, "bukan laporan", next.get()));
            case ROUTED -> steps.add(() -> r.route(DESK, agency, category, next.get(), CALENDAR));
            case IN_PROGRESS -> {
                steps.add(() -> r.route(DESK, agency, category, next.get(), CALENDAR));
                steps.add(() -> r.start(OPD, next.get()));
            }
            case RESOLVED, CLOSED, REOPENED -> {
                steps.add(() -> r.route(DESK, agency, category, next.get(), CALENDAR));
                steps.add(() -> r.resolve(OPD, "Selesai ditangani", category, next.get(), CALENDAR));
                if (status == ReportStatus.CLOSED) steps.add(() -> r.confirm(next.get()));
                if (status == ReportStatus.REOPENED) steps.add(() -> r.reopen("Masih rusak", category, next.get(), CALENDAR));
            }
        }
        steps.forEach(Runnable::run);
        if (!steps.isEmpty()) reports.update(r);
        assertThat(r.status()).isEqualTo(status);
        return r;
    }
}
