package id.balai.operations;

import static org.assertj.core.api.Assertions.assertThat;

import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffRole;
import id.balai.platform.storage.FileStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On PostgreSQL the backup holds the stored files and a note to use pg_dump, and a restore puts back the
 * files only. Needs PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}, trust
 * authentication); it works in a schema of its own and drops it afterwards. Without PostgreSQL the tests
 * are skipped with a message, unless {@code -Dbalai.require-postgres=true} (CI) makes that a failure.
 */
@SpringBootTest(properties = {"balai.demo.enabled=false", "db-scheduler.enabled=false"})
@DirtiesContext
class PostgresBackupTests {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String SCHEMA = "balai_ops_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @TempDir
    static Path dataDir;

    @Autowired BackupService backups;
    @Autowired FileStorage storage;
    @Autowired StaffDirectory staff;

    @BeforeAll
    static void needsPostgres() throws SQLException {
        boolean reachable;
        try (Connection c = DriverManager.getConnection(SERVER)) {
            reachable = c.isValid(5);
        } catch (SQLException e) {
            reachable = false;
        }
        if (Boolean.getBoolean("balai.require-postgres")) {
            assertThat(reachable).as("PostgreSQL at 127.0.0.1:5432 is required (balai.require-postgres=true)").isTrue();
        }
        Assumptions.assumeTrue(reachable, "PostgreSQL is not reachable at 127.0.0.1:5432: PostgreSQL backup tests skipped");
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("create schema " + SCHEMA);
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        } catch (SQLException unreachable) {
            // skipped above
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SERVER + "&currentSchema=" + SCHEMA);
        registry.add("balai.data-dir", () -> dataDir.toString());
    }

    @Test
    void theBackupHoldsTheFilesAndSaysToUsePgDumpAndARestorePutsBackTheFilesOnly(@TempDir Path restored) throws Exception {
        staff.create(new StaffDirectory.NewStaff("admin.pg", "Admin", null, StaffRole.CITY_ADMIN, null, null, false, "sandi-postgres"));
        byte[] document = "Surat Keputusan Wali Kota".getBytes(StandardCharsets.UTF_8);
        String key = storage.store("documents", document, "pdf");

        BackupService.BackupFile backup = backups.createBackup();
        Path zipPath = backups.find(backup.name()).orElseThrow();
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            assertThat(zip.getEntry("database/h2-backup.zip")).isNull();
            assertThat(new String(zip.getInputStream(zip.getEntry("database/README.txt")).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("pg_dump", "pg_restore");
            assertThat(zip.getEntry("files/" + key)).isNotNull();
            BackupManifest manifest = BackupManifest.read(zip.getInputStream(zip.getEntry("manifest.json")));
            assertThat(manifest.databaseProduct()).isEqualTo("PostgreSQL");
            assertThat(manifest.databaseIncluded()).isFalse();
            assertThat(manifest.rowCounts()).containsEntry("staff_account", 1L).containsEntry("report", 0L);
        }

        RestoreCommand.Result result = new RestoreCommand(Clock.systemUTC(), ZoneId.of("Asia/Jakarta"))
                .restore(zipPath, RestoreCommand.Target.of(restored, SERVER), false);
        assertThat(result.databaseRestored()).isFalse();
        assertThat(Files.readAllBytes(restored.resolve("files").resolve(key))).isEqualTo(document);
        assertThat(restored.resolve("db")).doesNotExist();
    }
}
