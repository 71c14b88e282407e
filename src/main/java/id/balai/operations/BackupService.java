package id.balai.operations;

import id.balai.platform.BalaiProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Online backups: one zip per run under {@code <data-dir>/backups}, made while Balai keeps serving.
 *
 * <p>The database goes first (H2's {@code BACKUP TO}, a consistent copy taken while it runs), the stored
 * files second: a photo is always written before the row that points to it, so every file the copied
 * database refers to is already on disk when the files are read. The archive is written under a temporary
 * name, synced, and only then moved to its final name, so a crash never leaves a half backup that looks
 * whole. Only the newest {@code balai.backup.keep} backups are kept.
 */
@Service
public class BackupService {

    /** The only names a backup can have; anything else in the folder is never listed, served or deleted. */
    public static final Pattern NAME = Pattern.compile("balai-(\\d{8}-\\d{6})\\.zip");

    static final String DATABASE_ENTRY = "database/h2-backup.zip";
    static final String DATABASE_README = "database/README.txt";
    static final String FILES_PREFIX = "files/";
    static final List<String> COUNTED_TABLES = List.of("report", "report_photo", "staff_account");

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final String TEMP_PREFIX = ".balai-";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    /** A finished backup in the backups folder. */
    public record BackupFile(String name, long size, Instant createdAt) {}

    /** Another backup is being written right now; only one runs at a time. */
    public static class BackupInProgressException extends IllegalStateException {
        BackupInProgressException() {
            super("a backup is already running");
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final BalaiProperties balai;
    private final BackupProperties properties;
    private final Clock clock;
    private final Path dataDir;
    private final Path backupsDir;
    private final Path filesDir;
    private final ReentrantLock running = new ReentrantLock();
    private final Counter failures;

    BackupService(JdbcClient jdbc, DataSource dataSource, BalaiProperties balai, BackupProperties properties, Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.balai = balai;
        this.properties = properties;
        this.clock = clock;
        this.dataDir = balai.dataDir().toAbsolutePath().normalize();
        this.backupsDir = dataDir.resolve("backups");
        this.filesDir = dataDir.resolve("files");
        this.failures = Counter.builder("balai.backup.failures").description("Backups that failed").register(meters);
        TimeGauge.builder("balai.backup.latest.age", this, TimeUnit.SECONDS, BackupService::latestAgeSeconds)
                .description("Age of the newest backup (NaN when there is none)").register(meters);
    }

    /** Where backups are written, for the admin page. */
    public Path backupsDir() {
        return backupsDir;
    }

    public int keep() {
        return properties.keep();
    }

    /**
     * Writes a new backup and deletes the oldest beyond {@code balai.backup.keep}.
     *
     * @throws BackupInProgressException when another backup is being written
     */
    public BackupFile createBackup() throws IOException {
        if (!running.tryLock()) throw new BackupInProgressException();
        try {
            return write();
        } catch (IOException | RuntimeException e) {
            failures.increment();
            log.error("Backup failed: {}", e.toString());
            throw e;
        } finally {
            running.unlock();
        }
    }

    /** Finished backups, newest first. */
    public List<BackupFile> list() {
        if (!Files.isDirectory(backupsDir)) return List.of();
        List<BackupFile> found = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(backupsDir)) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                Matcher m = NAME.matcher(name);
                if (!m.matches() || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
                try {
                    found.add(new BackupFile(name, Files.size(p), stampToInstant(m.group(1))));
                } catch (NoSuchFileException gone) {
                    // deleted by retention while we listed
                } catch (DateTimeParseException notADate) {
                    // balai-99999999-999999.zip: a name only, not one of ours
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(Comparator.comparing(BackupFile::name).reversed());
        return found;
    }

    /**
     * The file of a backup, if {@code name} is exactly a backup name and such a file exists. Never resolves
     * anything outside the backups folder.
     */
    public Optional<Path> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) return Optional.empty();
        Path path = backupsDir.resolve(name).normalize();
        if (!backupsDir.equals(path.getParent()) || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(path);
    }

    private BackupFile write() throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(backupsDir);
        removeLeftovers();
        ZonedDateTime now = clock.instant().atZone(balai.timeZone()).withNano(0);
        Path target = backupsDir.resolve("balai-" + STAMP.format(now) + ".zip");
        for (int attempt = 0; Files.exists(target, LinkOption.NOFOLLOW_LINKS); attempt++) {
            // Two backups within one second: wait for the next second so the name stays the true time.
            // A clock that does not move (or moved back onto an existing name) gets the next free second.
            if (attempt < 3) {
                sleepUntilNextSecond();
                now = clock.instant().atZone(balai.timeZone()).withNano(0);
            } else {
                now = now.plusSeconds(1);
            }
            target = backupsDir.resolve("balai-" + STAMP.format(now) + ".zip");
        }
        String name = target.getFileName().toString();
        Path temp = backupsDir.resolve(TEMP_PREFIX + STAMP.format(now) + ".zip" + TEMP_SUFFIX);
        Path databaseTemp = backupsDir.resolve(TEMP_PREFIX + STAMP.format(now) + "-h2.zip" + TEMP_SUFFIX);
        log.info("Backup {} started", name);
        try {
            DatabaseKind database = databaseKind();
            Map<String, Long> rowCounts = rowCounts();
            FileTotals totals;
            boolean databaseIncluded;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
                zip.setLevel(Deflater.BEST_SPEED); // photos are JPEGs already: spend little CPU on them
                databaseIncluded = writeDatabase(zip, database, databaseTemp);
                totals = writeFiles(zip);
                BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, now.toOffsetDateTime().toString(),
                        appVersion(), database.product(), database.version(), databaseIncluded, totals.count(),
                        totals.bytes(), rowCounts);
                putBytes(zip, BackupManifest.ENTRY, manifest.toJson());
                zip.finish();
                zip.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(backupsDir);
            long size = Files.size(target);
            log.info("Backup {} written: database {}, {} files ({}), archive {} in {} s", name,
                    databaseIncluded ? "included" : "not included (" + database.product() + ")", totals.count(),
                    human(totals.bytes()), human(size), Duration.ofNanos(System.nanoTime() - started).toSeconds());
            prune(name);
            return new BackupFile(name, size, now.toInstant());
        } finally {
            Files.deleteIfExists(temp);
            Files.deleteIfExists(databaseTemp);
        }
    }

    private boolean writeDatabase(ZipOutputStream zip, DatabaseKind database, Path databaseTemp) throws IOException {
        if (database.isH2File()) {
            log.info("Backup: copying the H2 database online");
            jdbc.sql("BACKUP TO ?").param(databaseTemp.toString()).update();
            putEntry(zip, DATABASE_ENTRY);
            Files.copy(databaseTemp, zip);
            zip.closeEntry();
            log.info("Backup: database copied ({})", human(Files.size(databaseTemp)));
            Files.delete(databaseTemp);
            return true;
        }
        String readme;
        if (database.isPostgres()) {
            readme = """
                    This backup holds Balai's stored files but not its database.

                    Balai runs on PostgreSQL here. Back the database up with PostgreSQL's own tools, at the
                    same time as this archive, for example:

                        pg_dump --format=custom --file=balai-db.dump "postgresql://balai@dbhost:5432/balai"

                    and restore it with:

                        pg_restore --clean --if-exists --no-owner --dbname="postgresql://balai@dbhost:5432/balai" balai-db.dump

                    See docs/operations.md.
                    """;
            log.info("Backup: PostgreSQL database is not included; back it up with pg_dump");
        } else if (database.isH2()) {
            readme = """
                    This backup holds Balai's stored files but not its database: the database was an in-memory
                    H2 database (used for tests), which keeps nothing on disk.
                    """;
            log.warn("Backup: the database is in memory; nothing of it is kept on disk or backed up");
        } else {
            readme = """
                    This backup holds Balai's stored files but not its database (%s). Back the database up
                    with that product's own tools.
                    """.formatted(database.product());
            log.warn("Backup: database {} is not included; back it up with its own tools", database.product());
        }
        putBytes(zip, DATABASE_README, readme.getBytes(StandardCharsets.UTF_8));
        return false;
    }

    private FileTotals writeFiles(ZipOutputStream zip) throws IOException {
        if (!Files.isDirectory(filesDir)) return new FileTotals(0, 0);
        long[] totals = new long[2];
        long[] lastReport = {System.nanoTime()};
        List<Path> paths = new ArrayList<>();
        Files.walkFileTree(filesDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && !name.endsWith(".part")) paths.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE; // deleted while we walked
                throw e;
            }
        });
        paths.sort(Comparator.naturalOrder());
        log.info("Backup: copying {} stored files", paths.size());
        byte[] buffer = new byte[1 << 16];
        for (Path file : paths) {
            InputStream in;
            try {
                in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException deletedMeanwhile) {
                continue;
            }
            try (in) {
                putEntry(zip, FILES_PREFIX + entryName(filesDir.relativize(file)));
                long size = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    zip.write(buffer, 0, n);
                    size += n;
                }
                zip.closeEntry();
                totals[0]++;
                totals[1] += size;
            }
            if (System.nanoTime() - lastReport[0] > PROGRESS_EVERY.toNanos()) {
                log.info("Backup: {} of {} files copied ({})", totals[0], paths.size(), human(totals[1]));
                lastReport[0] = System.nanoTime();
            }
        }
        return new FileTotals(totals[0], totals[1]);
    }

    private record FileTotals(long count, long bytes) {}

    /** Deletes all but the newest {@code keep} backups; never the one just written, even if the clock went back. */
    private void prune(String justWritten) throws IOException {
        List<BackupFile> all = list();
        for (BackupFile old : all.subList(Math.min(properties.keep(), all.size()), all.size())) {
            if (old.name().equals(justWritten)) continue;
            Files.deleteIfExists(backupsDir.resolve(old.name()));
            log.info("Backup {} deleted (keeping the newest {})", old.name(), properties.keep());
        }
    }

    /** Temporary archives of a run that crashed; the lock guarantees no other run is writing one now. */
    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(backupsDir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path p : dir) {
                Files.deleteIfExists(p);
                log.info("Removed the unfinished backup {} of an earlier run", p.getFileName());
            }
        }
    }

    private void sleepUntilNextSecond() {
        try {
            Thread.sleep(1000 - clock.instant().toEpochMilli() % 1000 + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to name the backup", e);
        }
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : COUNTED_TABLES) { // fixed names, never user input
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    record DatabaseKind(String product, String version, String url) {
        boolean isH2() {
            return "H2".equalsIgnoreCase(product);
        }

        boolean isH2File() {
            return isH2() && url != null && !url.startsWith("jdbc:h2:mem:") && !url.contains(":mem:");
        }

        boolean isPostgres() {
            return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
        }
    }

    private DatabaseKind databaseKind() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return new DatabaseKind(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(), meta.getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's product name", e);
        }
    }

    private Instant stampToInstant(String stamp) {
        return LocalDateTime.parse(stamp, STAMP).atZone(balai.timeZone()).toInstant();
    }

    private double latestAgeSeconds() {
        try {
            List<BackupFile> all = list();
            if (all.isEmpty()) return Double.NaN;
            return Duration.between(all.get(0).createdAt(), clock.instant()).toSeconds();
        } catch (UncheckedIOException e) {
            return Double.NaN;
        }
    }

    static String appVersion() {
        String version = BackupService.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    static String entryName(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private static void putEntry(ZipOutputStream zip, String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        zip.putNextEntry(entry);
    }

    private static void putBytes(ZipOutputStream zip, String name, byte[] content) throws IOException {
        putEntry(zip, name);
        zip.write(content);
        zip.closeEntry();
    }

    /** Makes the rename itself durable where the platform allows it (Linux); elsewhere a no-op. */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open a directory as a channel; the move is still atomic there
        }
    }

    static String human(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
