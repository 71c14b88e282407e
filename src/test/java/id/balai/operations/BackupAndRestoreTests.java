package id.balai.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffRole;
import id.balai.platform.storage.FileStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Backups of a running Balai on a real H2 file database and real files, restored into fresh data folders
 * and opened again with plain JDBC.
 */
@SpringBootTest(properties = {"balai.demo.enabled=false", "balai.backup.keep=3"})
@DirtiesContext // closes the file database before its temporary folder is deleted
class BackupAndRestoreTests {

    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";

    @TempDir
    static Path running;

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("balai.data-dir", () -> running.toString());
        registry.add("spring.datasource.url", () -> h2Url(running));
    }

    @Autowired BackupService backups;
    @Autowired StaffDirectory staff;
    @Autowired FileStorage storage;
    @Autowired JdbcClient jdbc;
    @Autowired RecurringTask<Void> dailyBackup;

    static final Map<String, byte[]> stored = new LinkedHashMap<>();
    static boolean seeded;

    @BeforeAll
    static void reset() {
        stored.clear();
        seeded = false;
    }

    /** Staff, an agency, a kelurahan, a report with two photos, and a few stored files, before each test. */
    void seedOnce() throws IOException {
        if (seeded) return;
        seeded = true;
        jdbc.sql("insert into agency (code, short_name, name) values ('dlh', 'DLH', 'Dinas Lingkungan Hidup')").update();
        long agency = jdbc.sql("select id from agency where code = 'dlh'").query(Long.class).single();
        jdbc.sql("insert into region (code, name, level, parent_code) values ('32.71.01.1001', 'Kelurahan Pandu', 'KELURAHAN', null)").update();
        staff.create(new StaffDirectory.NewStaff("operator.dlh", "Siti Operator", "siti@example.test", StaffRole.AGENCY_ADMIN,
                agency, null, true, "kata-sandi-rahasia"));
        jdbc.sql("insert into report_category (code, name_id, name_en, hashtag, icon) values ('sampah', 'Sampah', 'Rubbish', '#sampahastina', 'trash')").update();
        long category = jdbc.sql("select id from report_category where code = 'sampah'").query(Long.class).single();
        jdbc.sql("""
                insert into report (tracking_code, submission_key, citizen_token, category_id, description, lat, lon,
                    kelurahan_code, status, submitted_at, updated_at, verify_due_at)
                values ('AST-7K2M9Q', 'sub-1', 'tok-1', ?, 'Sampah menumpuk di depan pasar', -6.9, 107.6,
                    '32.71.01.1001', 'RECEIVED', current_timestamp, current_timestamp, current_timestamp)""")
                .param(category).update();
        long report = jdbc.sql("select id from report where tracking_code = 'AST-7K2M9Q'").query(Long.class).single();
        Random random = new Random(42);
        for (int i = 0; i < 3; i++) {
            byte[] photo = new byte[i == 0 ? 300_000 : 20_000 + i];
            random.nextBytes(photo);
            String key = storage.store("reports", photo, "jpg");
            stored.put(key, photo);
            if (i < 2) {
                jdbc.sql("insert into report_photo (report_id, kind, storage_key, thumb_key, width, height, created_at) values (?, 'BEFORE', ?, ?, 800, 600, current_timestamp)")
                        .params(report, key, key).update();
            }
        }
        // an upload being written right now: never part of a backup
        Path part = running.resolve("files/reports/unfinished-upload.jpg.part");
        Files.createDirectories(part.getParent());
        Files.write(part, new byte[] {1, 2, 3});
    }

    @Test
    void aBackupTakenWhileTheAppWritesRestoresEveryRowAndFileByteForByte(@TempDir Path restored) throws Exception {
        seedOnce();
        long kelurahanBefore = jdbc.sql("select count(*) from region").query(Long.class).single();

        // Keep writing rows and files while the backup runs, as a city in use does.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writing = writer.submit(() -> {
            Random random = new Random(7);
            while (!stop.get()) {
                int n = written.incrementAndGet();
                jdbc.sql("insert into region (code, name, level) values (?, ?, 'RT')").params("rt-" + n, "RT " + n).update();
                byte[] content = new byte[5_000];
                random.nextBytes(content);
                storage.store("reports", content, "jpg");
            }
            return null;
        });
        while (written.get() < 5) Thread.sleep(5);
        BackupService.BackupFile backup = backups.createBackup();
        stop.set(true);
        writing.get(30, TimeUnit.SECONDS);
        writer.shutdown();

        assertThat(backup.name()).matches(BackupService.NAME.pattern());
        Path zipPath = backups.find(backup.name()).orElseThrow();
        assertThat(Files.size(zipPath)).isEqualTo(backup.size());
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            assertThat(zip.getEntry("database/h2-backup.zip")).isNotNull();
            assertThat(zip.stream().map(ZipEntry::getName)).noneMatch(n -> n.endsWith(".part"));
            for (String key : stored.keySet()) assertThat(zip.getEntry("files/" + key)).as(key).isNotNull();
            BackupManifest manifest = BackupManifest.read(zip.getInputStream(zip.getEntry("manifest.json")));
            assertThat(manifest.databaseProduct()).isEqualTo("H2");
            assertThat(manifest.databaseIncluded()).isTrue();
            assertThat(manifest.rowCounts()).containsEntry("report", 1L).containsEntry("report_photo", 2L)
                    .containsEntry("staff_account", 1L);
            long fileEntries = zip.stream().filter(e -> e.getName().startsWith("files/") && !e.isDirectory()).count();
            assertThat(manifest.files()).isEqualTo(fileEntries).isGreaterThanOrEqualTo(stored.size());
            String json = new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(json).contains("\"created_at\"", "\"app_version\"", "\"row_counts\"")
                    .doesNotContain("Siti", "siti@example.test", "Sampah menumpuk");
        }
        assertThat(Files.list(backups.backupsDir()).map(p -> p.getFileName().toString()))
                .allMatch(n -> BackupService.NAME.matcher(n).matches(), "only finished backups, no temporary files");

        RestoreCommand.Result result = restore(zipPath, restored, false);
        assertThat(result.databaseRestored()).isTrue();
        assertThat(result.movedAside()).isNull();

        try (Connection db = DriverManager.getConnection(h2Url(restored) + ";IFEXISTS=TRUE")) {
            assertThat(single(db, "select full_name from staff_account where username = 'operator.dlh'")).isEqualTo("Siti Operator");
            assertThat(single(db, "select description from report where tracking_code = 'AST-7K2M9Q'")).isEqualTo("Sampah menumpuk di depan pasar");
            assertThat(single(db, "select count(*) from report_photo")).isEqualTo("2");
            assertThat(single(db, "select short_name from agency where code = 'dlh'")).isEqualTo("DLH");
            assertThat(Long.parseLong(single(db, "select count(*) from region"))).isGreaterThanOrEqualTo(kelurahanBefore);
            assertThat(single(db, "select count(*) from flyway_schema_history where success = false")).isEqualTo("0");
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select storage_key from report_photo")) {
                while (rs.next()) {
                    Path file = restored.resolve("files").resolve(rs.getString(1));
                    assertThat(file).as("photo of a restored row").exists();
                }
            }
        }
        for (Map.Entry<String, byte[]> e : stored.entrySet()) {
            assertThat(Files.readAllBytes(restored.resolve("files").resolve(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
        }
        try (Stream<Path> files = Files.walk(restored.resolve("files"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(result.files());
        }
        assertThat(restored.resolve("files/reports/unfinished-upload.jpg.part")).doesNotExist();
        assertThat(Files.list(restored).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".restore-"));
    }

    @Test
    void aDataFolderThatHoldsDataIsLeftAloneUnlessForcedAndThenMovedAside(@TempDir Path target) throws Exception {
        seedOnce();
        Path backup = backups.find(backups.createBackup().name()).orElseThrow();
        restore(backup, target, false);

        // The city kept working after the restore: a new file and a changed database.
        Path laterFile = target.resolve("files/reports/2030/01/00000000-0000-0000-0000-000000000001.jpg");
        Files.createDirectories(laterFile.getParent());
        Files.write(laterFile, new byte[] {9, 9, 9});
        try (Connection db = DriverManager.getConnection(h2Url(target) + ";IFEXISTS=TRUE"); Statement s = db.createStatement()) {
            s.execute("update agency set short_name = 'DLH-BARU' where code = 'dlh'");
        }
        byte[] databaseBefore = Files.readAllBytes(target.resolve("db/balai.mv.db"));

        assertThatThrownBy(() -> restore(backup, target, false))
                .isInstanceOf(RestoreCommand.RestoreRefused.class)
                .hasMessageContaining("already holds a database and stored files")
                .hasMessageContaining("--balai.restore.force=true");
        assertThat(laterFile).exists();
        assertThat(Files.readAllBytes(target.resolve("db/balai.mv.db"))).isEqualTo(databaseBefore);

        RestoreCommand.Result forced = restore(backup, target, true);
        assertThat(forced.movedAside()).isNotNull();
        assertThat(forced.movedAside().getFileName().toString()).matches("before-restore-\\d{8}-\\d{6}");
        assertThat(forced.movedAside().resolve("files/reports/2030/01/00000000-0000-0000-0000-000000000001.jpg")).exists();
        assertThat(Files.readAllBytes(forced.movedAside().resolve("db/balai.mv.db"))).isEqualTo(databaseBefore);
        assertThat(laterFile).doesNotExist();
        try (Connection db = DriverManager.getConnection(h2Url(target) + ";IFEXISTS=TRUE")) {
            assertThat(single(db, "select short_name from agency where code = 'dlh'")).isEqualTo("DLH");
        }
    }

    @Test
    void theDatabaseOfTheRunningAppIsNeverReplacedEvenWhenForced() throws Exception {
        seedOnce();
        Path backup = backups.find(backups.createBackup().name()).orElseThrow();
        assertThatThrownBy(() -> restore(backup, running, true))
                .isInstanceOf(RestoreCommand.RestoreRefused.class)
                .hasMessageContaining("is in use: stop Balai");
        assertThat(running.resolve("files")).isDirectory();
        assertThat(Files.list(running).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("before-restore-"));
        assertThat(jdbc.sql("select count(*) from staff_account").query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void onlyTheNewestBackupsAreKept() throws Exception {
        seedOnce();
        Path stray = backups.backupsDir().resolve("copied-by-hand.zip");
        Files.createDirectories(backups.backupsDir());
        Files.write(stray, new byte[] {1});
        Path leftover = backups.backupsDir().resolve(".balai-20200101-000000.zip.tmp");
        Files.write(leftover, new byte[] {1});
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) made.add(backups.createBackup().name());

        assertThat(made).doesNotHaveDuplicates().isSorted();
        assertThat(backups.list()).extracting(BackupService.BackupFile::name)
                .containsExactly(made.get(3), made.get(2), made.get(1));
        assertThat(stray).exists();
        assertThat(leftover).doesNotExist();
    }

    @Test
    void aDamagedOrForeignArchiveIsRefusedAndChangesNothing(@TempDir Path work) throws Exception {
        seedOnce();
        Path target = work.resolve("data");
        Path good = backups.find(backups.createBackup().name()).orElseThrow();

        Path slip = work.resolve("slip.zip");
        copyWith(good, slip, "files/../../../outside.txt", "pwned".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> restore(slip, target, false))
                .isInstanceOf(RestoreCommand.RestoreRefused.class).hasMessageContaining("unexpected entry");

        Path foreign = work.resolve("foreign.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(foreign))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write(1);
        }
        assertThatThrownBy(() -> restore(foreign, target, false))
                .isInstanceOf(RestoreCommand.RestoreRefused.class).hasMessageContaining("no manifest.json");

        Path truncated = work.resolve("missing-a-file.zip");
        copyWithout(good, truncated, "files/" + stored.keySet().iterator().next());
        assertThatThrownBy(() -> restore(truncated, target, false))
                .isInstanceOf(IOException.class).hasMessageContaining("incomplete");

        assertThat(work.resolve("outside.txt")).doesNotExist();
        assertThat(target.resolve("db/balai.mv.db")).doesNotExist();
        assertThat(target.resolve("files")).doesNotExist();
        if (Files.exists(target)) {
            assertThat(Files.list(target).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".restore-"));
        }
    }

    @Test
    void anEmbeddedDatabaseIsNotRestoredIntoAPostgresSetUp(@TempDir Path target) throws Exception {
        seedOnce();
        Path backup = backups.find(backups.createBackup().name()).orElseThrow();
        RestoreCommand.Target postgres = RestoreCommand.Target.of(target, "jdbc:postgresql://db:5432/balai?user=balai");
        assertThatThrownBy(() -> new RestoreCommand(Clock.systemUTC(), ZoneId.of("Asia/Jakarta")).restore(backup, postgres, false))
                .isInstanceOf(RestoreCommand.RestoreRefused.class)
                .hasMessageContaining("holds an H2 database, but Balai is configured for PostgreSQL");
        assertThat(target.resolve("files")).doesNotExist();
    }

    @Test
    void theTargetDatabaseFileFollowsTheDatasourceUrl() {
        Path data = Path.of("/srv/balai/data");
        assertThat(RestoreCommand.Target.of(data, null).h2DatabaseFile()).isEqualTo(Path.of("/srv/balai/data/db/balai.mv.db"));
        assertThat(RestoreCommand.Target.of(data, "jdbc:h2:file:/var/lib/balai/db/kota;MODE=PostgreSQL").h2DatabaseFile())
                .isEqualTo(Path.of("/var/lib/balai/db/kota.mv.db"));
        assertThat(RestoreCommand.Target.of(data, "jdbc:h2:./data/db/balai;MODE=PostgreSQL").h2DatabaseFile())
                .isEqualTo(Path.of("data/db/balai.mv.db").toAbsolutePath());
        assertThat(RestoreCommand.Target.of(data, "jdbc:h2:mem:x").database()).isEqualTo(RestoreCommand.DatabaseTarget.H2_IN_MEMORY);
        assertThat(RestoreCommand.Target.of(data, "jdbc:h2:tcp://db/balai").database()).isEqualTo(RestoreCommand.DatabaseTarget.H2_SERVER);
        assertThat(RestoreCommand.Target.of(data, "jdbc:postgresql://db/balai").database()).isEqualTo(RestoreCommand.DatabaseTarget.POSTGRESQL);
    }

    @Test
    void theDailyBackupIsADbSchedulerTaskThatWritesABackup() {
        assertThat(dailyBackup.getName()).isEqualTo("daily-backup");
        assertThat(dailyBackup.toString()).contains("Daily times=[02:00]", "zone=Asia/Jakarta");
        int before = backups.list().size();
        String newestBefore = before == 0 ? "" : backups.list().get(0).name();
        dailyBackup.executeRecurringly(dailyBackup.instance(RecurringTask.INSTANCE), null);
        assertThat(backups.list().get(0).name()).isGreaterThan(newestBefore);
    }

    /**
     * The documented command, run as its own process exactly as an operator would: the normal start command
     * with {@code --balai.restore}. It restores before anything opens the database and ends the process.
     */
    @Test
    void theRestoreCommandRunsBeforeTheDatabaseIsOpenedAndEnds(@TempDir Path target) throws Exception {
        seedOnce();
        Path backup = backups.find(backups.createBackup().name()).orElseThrow();

        Process first = command(backup, target, false);
        assertThat(first.exitCode).as(first.output).isEqualTo(RestoreOnStartup.RESTORED);
        assertThat(first.output).contains("Restore finished").doesNotContain("Tomcat started", "Migrating schema");
        try (Connection db = DriverManager.getConnection(h2Url(target) + ";IFEXISTS=TRUE")) {
            assertThat(single(db, "select username from staff_account")).isEqualTo("operator.dlh");
        }

        Process again = command(backup, target, false);
        assertThat(again.exitCode).as(again.output).isEqualTo(RestoreOnStartup.REFUSED);
        assertThat(again.output).contains("Restore refused", "--balai.restore.force=true");
    }

    record Process(int exitCode, String output) {}

    static Process command(Path backup, Path dataDir, boolean force) throws Exception {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "id.balai.BalaiApplication",
                "--balai.restore=" + backup, "--balai.data-dir=" + dataDir, "--spring.datasource.url=" + h2Url(dataDir)));
        if (force) args.add("--balai.restore.force=true");
        java.lang.Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Process(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    RestoreCommand.Result restore(Path backup, Path dataDir, boolean force) throws Exception {
        return new RestoreCommand(Clock.systemUTC(), ZoneId.of("Asia/Jakarta"))
                .restore(backup, RestoreCommand.Target.of(dataDir, h2Url(dataDir)), force);
    }

    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("balai") + H2_OPTIONS;
    }

    static String single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    static void copyWith(Path from, Path to, String extraName, byte[] extra) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e : in.stream().toList()) copyEntry(in, e, out);
            out.putNextEntry(new ZipEntry(extraName));
            out.write(extra);
            out.closeEntry();
        }
    }

    static void copyWithout(Path from, Path to, String leftOut) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e : in.stream().toList()) {
                if (!e.getName().equals(leftOut)) copyEntry(in, e, out);
            }
        }
    }

    static void copyEntry(ZipFile in, ZipEntry e, ZipOutputStream out) throws IOException {
        out.putNextEntry(new ZipEntry(e.getName()));
        try (InputStream data = in.getInputStream(e)) {
            data.transferTo(out);
        }
        out.closeEntry();
    }
}
