package id.balai.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.balai.organisation.Agency;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Region;
import id.balai.organisation.RegionLevel;
import id.balai.organisation.Regions;
import id.balai.support.Migrations;
import id.balai.platform.FieldProblem;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The staff account admin's SQL, run on H2 and on PostgreSQL by the subclasses. Each call runs in its own
 * transaction where the test needs one (the service is transactional in the app).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StaffAccountsContract {

    static final long DLH = 8;
    static final String KAUMAN = "33.77.01.1001";

    DataSource dataSource;
    JdbcClient jdbc;
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    JdbcStaffDirectory directory;
    StaffAccounts accounts;
    StaffPrincipal admin;

    abstract DataSource openDatabase();

    abstract void closeDatabase();

    @BeforeAll
    void migrate() {
        dataSource = openDatabase();
        Migrations.apply(dataSource);
        jdbc = JdbcClient.create(dataSource);
        directory = new JdbcStaffDirectory(jdbc, encoder);
        accounts = new StaffAccounts(jdbc, directory, encoder, new OneAgencyOneKelurahan(), new JdbcAdminAudit(jdbc, Clock.systemUTC()));
    }

    @AfterAll
    void close() {
        closeDatabase();
    }

    @BeforeEach
    void oneAdmin() {
        jdbc.sql("delete from staff_account").update();
        jdbc.sql("delete from admin_audit").update();
        admin = directory.create(new StaffDirectory.NewStaff("admin", "Admin", null, StaffRole.CITY_ADMIN, null, null, false,
                "admin-password-1"));
    }

    @Test
    void accountsAreListedByRoleAndAgencyWithoutHashes() {
        accounts.create(admin, "Petugas.DLH", profile(StaffRole.FIELD_OFFICER, DLH, null), "sandi-petugas-12");
        accounts.create(admin, "lurah.kauman", profile(StaffRole.LURAH, DLH, KAUMAN), "sandi-lurah-1234");
        assertThat(accounts.list(null, null)).extracting(StaffPrincipal::username).containsExactly("admin", "petugas.dlh", "lurah.kauman");
        assertThat(accounts.list(StaffRole.LURAH, null)).singleElement()
                .satisfies(s -> assertThat(s).extracting(StaffPrincipal::regionCode, StaffPrincipal::agencyId).containsExactly(KAUMAN, null));
        assertThat(accounts.list(null, DLH)).extracting(StaffPrincipal::username).containsExactly("petugas.dlh");
        assertThat(accounts.list(StaffRole.COORDINATOR, DLH)).isEmpty();
        assertThat(accounts.list(null, null)).allSatisfy(s -> assertThat(s.passwordHash()).isNull());
    }

    @Test
    void roleScopeEnabledAndPasswordAreChangedInTheDatabase() {
        StaffPrincipal officer = accounts.create(admin, "petugas", profile(StaffRole.FIELD_OFFICER, DLH, null), "sandi-petugas-12");
        update(admin, officer.id(), profile(StaffRole.LURAH, DLH, KAUMAN));
        assertThat(accounts.byId(officer.id()).orElseThrow()).extracting(StaffPrincipal::role, StaffPrincipal::agencyId, StaffPrincipal::regionCode)
                .containsExactly(StaffRole.LURAH, null, KAUMAN);

        accounts.setEnabled(admin, officer.id(), false);
        assertThat(directory.loadUserByUsername("petugas").isEnabled()).isFalse();
        accounts.setEnabled(admin, officer.id(), true);
        assertThat(directory.loadUserByUsername("petugas").isEnabled()).isTrue();

        accounts.resetPassword(admin, officer.id(), "sandi-baru-panjang");
        String hash = directory.loadUserByUsername("petugas").getPassword();
        assertThat(encoder.matches("sandi-baru-panjang", hash)).isTrue();
        assertThat(encoder.matches("sandi-petugas-12", hash)).isFalse();
    }

    @Test
    void aPasswordResetADeactivationAndANewRoleOrScopeMoveTheSecurityVersionANewNameDoesNot() {
        StaffPrincipal officer = accounts.create(admin, "petugas", profile(StaffRole.FIELD_OFFICER, DLH, null), "sandi-petugas-12");
        assertThat(version(officer)).isZero();
        update(admin, officer.id(), new StaffAccounts.Profile("Nama Lain", "lain@astina.example", StaffRole.FIELD_OFFICER, DLH, null, true));
        assertThat(version(officer)).isZero();
        accounts.resetPassword(admin, officer.id(), "sandi-baru-panjang");
        assertThat(version(officer)).isEqualTo(1);
        update(admin, officer.id(), profile(StaffRole.LURAH, null, KAUMAN));
        assertThat(version(officer)).isEqualTo(2);
        accounts.setEnabled(admin, officer.id(), false);
        accounts.setEnabled(admin, officer.id(), true);
        assertThat(version(officer)).isEqualTo(4);
        // what a log-in reads carries the number, and other accounts keep theirs
        assertThat(directory.loadUserByUsername("petugas").securityVersion()).isEqualTo(4);
        assertThat(version(admin)).isZero();
        // each change is in the audit trail, by the admin's id, with the account's id and nothing else
        assertThat(jdbc.sql("select staff_id, action, subject from admin_audit order by id")
                .query((rs, i) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3)).list())
                .containsExactly(admin.id() + " staff.created " + officer.id(), admin.id() + " staff.changed " + officer.id(),
                        admin.id() + " staff.password-reset " + officer.id(), admin.id() + " staff.access-changed " + officer.id(),
                        admin.id() + " staff.deactivated " + officer.id(), admin.id() + " staff.reactivated " + officer.id());
    }

    @Test
    void anEditOfAnAccountChangedBySomebodyElseSinceItWasReadIsRefusedAndStoresNothing() {
        StaffPrincipal officer = accounts.create(admin, "petugas", profile(StaffRole.FIELD_OFFICER, DLH, null), "sandi-petugas-12");
        int read = accounts.forEdit(officer.id()).orElseThrow().version();
        accounts.update(admin, officer.id(), read, profile(StaffRole.LURAH, null, KAUMAN));
        assertThat(accounts.forEdit(officer.id()).orElseThrow().version()).isEqualTo(read + 1);
        assertThatThrownBy(() -> accounts.update(admin, officer.id(), read, profile(StaffRole.COORDINATOR, null, null)))
                .isInstanceOf(StaffAccounts.Conflict.class);
        assertThat(accounts.byId(officer.id()).orElseThrow()).extracting(StaffPrincipal::role, StaffPrincipal::regionCode)
                .containsExactly(StaffRole.LURAH, KAUMAN);
        // a deactivation or a new password is not an edit of the form's values: the version read still counts
        accounts.setEnabled(admin, officer.id(), false);
        accounts.resetPassword(admin, officer.id(), "sandi-baru-panjang");
        accounts.update(admin, officer.id(), read + 1, profile(StaffRole.COORDINATOR, null, null));
        assertThat(accounts.byId(officer.id()).orElseThrow().role()).isEqualTo(StaffRole.COORDINATOR);
    }

    /** An edit by an admin who read the account just now. */
    private void update(StaffPrincipal by, long id, StaffAccounts.Profile profile) {
        accounts.update(by, id, accounts.forEdit(id).orElseThrow().version(), profile);
    }

    private int version(StaffPrincipal account) {
        return accounts.byId(account.id()).orElseThrow().securityVersion();
    }

    @Test
    void theLastActiveCityAdminIsKept() {
        StaffPrincipal second = accounts.create(admin, "admin2", profile(StaffRole.CITY_ADMIN, null, null), "sandi-admin-dua-2");
        // the first admin is deactivated by the second: then the second is the last one and stays
        accounts.setEnabled(second, admin.id(), false);
        StaffPrincipal third = new StaffPrincipal(99, "ghost", "Ghost", null, StaffRole.CITY_ADMIN, null, null, false, null, true, 0);
        assertThatThrownBy(() -> accounts.setEnabled(third, second.id(), false)).isInstanceOf(StaffAccounts.Refused.class);
        assertThatThrownBy(() -> update(third, second.id(), profile(StaffRole.LEADER, null, null)))
                .isInstanceOf(StaffAccounts.Refused.class);
        assertThatThrownBy(() -> accounts.setEnabled(second, second.id(), false)).isInstanceOf(StaffAccounts.Refused.class);
        assertThat(accounts.list(StaffRole.CITY_ADMIN, null)).filteredOn(StaffPrincipal::enabled).extracting(StaffPrincipal::username)
                .containsExactly("admin2");
    }

    /**
     * The two last admins change each other at the same moment (one deactivates, the other demotes):
     * exactly one change goes through and one admin is left. Forced overlap: the first change has written
     * but not committed when the second one starts, and the second one must wait for the first one's
     * lock (the database says so) before it sees the result and is refused.
     */
    @Test
    void twoAdminsRemovingEachOtherWhileTheOtherIsStillWritingLeaveExactlyOneAdmin() throws Exception {
        StaffPrincipal second = accounts.create(admin, "admin2", profile(StaffRole.CITY_ADMIN, null, null), "sandi-admin-dua-2");
        Race race = race(() -> accounts.setEnabled(second, admin.id(), false),
                () -> update(admin, second.id(), profile(StaffRole.LEADER, null, null)));
        assertThat(race.waitedForLock()).as("the second change waited for the first one's lock").isTrue();
        assertThat(race.outcomes()).containsExactly("done", "refused");
        assertThat(activeAdmins()).containsExactly("admin2");

        // the other way round: a demotion first, a deactivation second
        accounts.setEnabled(second, admin.id(), true);
        race = race(() -> update(admin, second.id(), profile(StaffRole.LEADER, null, null)),
                () -> accounts.setEnabled(second, admin.id(), false));
        assertThat(race.waitedForLock()).as("the second change waited for the first one's lock").isTrue();
        assertThat(race.outcomes()).containsExactly("done", "refused");
        assertThat(activeAdmins()).containsExactly("admin");
    }

    /** The same, started together from a barrier, several times: whichever wins, one admin is left. */
    @Test
    void twoAdminsRemovingEachOtherAtTheSameMomentLeaveExactlyOneAdmin() throws Exception {
        StaffPrincipal second = accounts.create(admin, "admin2", profile(StaffRole.CITY_ADMIN, null, null), "sandi-admin-dua-2");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                jdbc.sql("update staff_account set role = ?, enabled = true").param(StaffRole.CITY_ADMIN.name()).update();
                CyclicBarrier start = new CyclicBarrier(2);
                Future<String> deactivate = threads.submit(() -> outcome(start, () -> accounts.setEnabled(second, admin.id(), false)));
                Future<String> demote = threads.submit(() -> outcome(start, () -> update(admin, second.id(),
                        profile(StaffRole.FIELD_OFFICER, DLH, null))));
                assertThat(List.of(deactivate.get(1, TimeUnit.MINUTES), demote.get(1, TimeUnit.MINUTES))).as("round " + round)
                        .containsExactlyInAnyOrder("done", "refused");
                assertThat(activeAdmins()).as("round " + round).hasSize(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** How many connections to this database wait for a row lock now. */
    abstract long sessionsWaitingForALock();

    record Race(boolean waitedForLock, List<String> outcomes) {}

    /**
     * Runs {@code first} in a transaction that stays open after it until {@code second}, in its own
     * transaction, is seen waiting for a lock (or is done), then commits it; answers whether the second
     * one waited and what became of each ("done" or "refused").
     */
    private Race race(Runnable first, Runnable second) throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> one = threads.submit(() -> transaction.execute(status -> {
                try {
                    return outcomeOf(status, first);
                } finally {
                    firstWritten.countDown();
                    await(commitFirst);
                }
            }));
            await(firstWritten);
            Future<String> two = threads.submit(() -> transaction.execute(status -> outcomeOf(status, second)));
            boolean waited = false;
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(1); // only against a hang, not a measure
            while (!waited && !two.isDone() && System.nanoTime() < giveUp) {
                waited = sessionsWaitingForALock() > 0;
                if (!waited) Thread.sleep(5);
            }
            commitFirst.countDown();
            return new Race(waited, List.of(one.get(1, TimeUnit.MINUTES), two.get(1, TimeUnit.MINUTES)));
        } finally {
            commitFirst.countDown();
            threads.shutdownNow();
        }
    }

    /** Waits at the barrier, then runs the change in its own transaction. */
    private String outcome(CyclicBarrier start, Runnable change) throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        start.await(1, TimeUnit.MINUTES);
        return transaction.execute(status -> outcomeOf(status, change));
    }

    /** "refused" for the last-admin rule (the transaction is rolled back, as the app's would be), "done" otherwise. */
    private static String outcomeOf(TransactionStatus status, Runnable change) {
        try {
            change.run();
            return "done";
        } catch (StaffAccounts.Refused e) {
            assertThat(e.problems()).extracting(FieldProblem::messageKey).containsExactly("error.staff.last-admin");
            status.setRollbackOnly();
            return "refused";
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(1, TimeUnit.MINUTES)) throw new IllegalStateException("the other change never came");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> activeAdmins() {
        return accounts.list(StaffRole.CITY_ADMIN, null).stream().filter(StaffPrincipal::enabled).map(StaffPrincipal::username).toList();
    }

    private static StaffAccounts.Profile profile(StaffRole role, Long agency, String kelurahan) {
        return new StaffAccounts.Profile("Nama Petugas", null, role, agency, kelurahan, false);
    }

    private static final class OneAgencyOneKelurahan implements Regions {
        private static final Agency AGENCY = new Agency(DLH, "DLH", "DLH", "Lingkungan Hidup");
        private static final Region KELURAHAN = new Region(KAUMAN, "Kauman", RegionLevel.KELURAHAN, "33.77.01", "kauman");

        @Override public Optional<Region> kelurahanAt(GeoPoint point) { return Optional.empty(); }
        @Override public Optional<Region> find(String code) { return KAUMAN.equals(code) ? Optional.of(KELURAHAN) : Optional.empty(); }
        @Override public List<Region> kelurahans() { return List.of(KELURAHAN); }
        @Override public Map<String, List<double[]>> kelurahanBoundaries() { return Map.of(); }
        @Override public Optional<GeoPoint> centreOf(String kelurahanCode) { return Optional.empty(); }
        @Override public GeoPoint centre() { return null; }
        @Override public List<Agency> agencies() { return List.of(AGENCY); }
        @Override public Optional<Agency> agency(long id) { return id == DLH ? Optional.of(AGENCY) : Optional.empty(); }
        @Override public Optional<Agency> agencyByCode(String code) { return Optional.empty(); }
        @Override public void refresh() {}
    }
}
