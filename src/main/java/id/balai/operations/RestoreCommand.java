package id.balai.operations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Puts a backup made by {@link BackupService} back into a data folder. Runs offline, before anything opens
 * the database (see {@link RestoreOnStartup} for the command line).
 *
 * <p>It refuses when the data folder already holds a database or stored files, unless forced; forced, it
 * first moves them aside to {@code <data-dir>/before-restore-<timestamp>/}, so nothing is ever deleted. It
 * extracts into a staging folder inside the data folder and checks the file count and size against the
 * backup's manifest before anything in place is touched: a damaged backup leaves the data folder as it was.
 */
final class RestoreCommand {

    /** The restore did not run, and nothing was changed; the message says why and what to do. */
    static final class RestoreRefused extends Exception {
        RestoreRefused(String message) {
            super(message);
        }
    }

    /** What kind of database the restored Balai will use, from its {@code spring.datasource.url}. */
    enum DatabaseTarget { H2_FILE, H2_IN_MEMORY, H2_SERVER, POSTGRESQL, OTHER }

    /**
     * Where to restore to.
     *
     * @param dataDir {@code balai.data-dir}
     * @param database kind of database configured
     * @param h2DatabaseFile the {@code .mv.db} file when {@code database} is {@link DatabaseTarget#H2_FILE}
     */
    record Target(Path dataDir, DatabaseTarget database, Path h2DatabaseFile) {

        /** The target as Balai would open it with these two settings. */
        static Target of(Path dataDir, String datasourceUrl) {
            Path dir = dataDir.toAbsolutePath().normalize();
            if (datasourceUrl == null || datasourceUrl.isBlank()) {
                return new Target(dir, DatabaseTarget.H2_FILE, dir.resolve("db").resolve("balai.mv.db"));
            }
            String url = datasourceUrl.trim();
            if (url.startsWith("jdbc:postgresql:")) return new Target(dir, DatabaseTarget.POSTGRESQL, null);
            if (!url.startsWith("jdbc:h2:")) return new Target(dir, DatabaseTarget.OTHER, null);
            String location = url.substring("jdbc:h2:".length());
            int semicolon = location.indexOf(';');
            if (semicolon >= 0) location = location.substring(0, semicolon);
            if (location.startsWith("mem:")) return new Target(dir, DatabaseTarget.H2_IN_MEMORY, null);
            if (location.startsWith("tcp:") || location.startsWith("ssl:")) return new Target(dir, DatabaseTarget.H2_SERVER, null);
            if (location.startsWith("file:")) location = location.substring("file:".length());
            if (H2_OTHER_FILE_SYSTEM.matcher(location).lookingAt()) return new Target(dir, DatabaseTarget.OTHER, null);
            if (location.startsWith("~")) location = System.getProperty("user.home") + location.substring(1);
            return new Target(dir, DatabaseTarget.H2_FILE, Path.of(location + ".mv.db").toAbsolutePath().normalize());
        }
    }

    /** What was restored. */
    record Result(long files, long bytes, boolean databaseRestored, Path movedAside, BackupManifest manifest) {}

    private static final Pattern H2_OTHER_FILE_SYSTEM = Pattern.compile("[a-zA-Z]{2,}:");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    /** One folder or file name: no separators, drive letters or control characters. */
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[^/\\\\:\\p{Cntrl}]{1,255}");

    private final Clock clock;
    private final ZoneId zone;

    RestoreCommand(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    Result restore(Path backup, Target target, boolean force) throws RestoreRefused, IOException {
        if (!Files.isRegularFile(backup)) throw new RestoreRefused("The backup file " + backup + " does not exist.");
        ZipFile zip;
        try {
            zip = new ZipFile(backup.toFile());
        } catch (ZipException e) {
            throw new RestoreRefused(backup + " is not a zip file (" + e.getMessage() + ").");
        }
        try (zip) {
            BackupManifest manifest = manifest(zip, backup);
            checkEntries(zip);
            boolean hasDatabase = zip.getEntry(BackupService.DATABASE_ENTRY) != null;
            if (hasDatabase != manifest.databaseIncluded()) {
                throw new RestoreRefused("The backup is damaged: its manifest and its database part disagree.");
            }
            if (hasDatabase && target.database() != DatabaseTarget.H2_FILE) {
                throw new RestoreRefused("This backup holds an H2 database, but Balai is configured for "
                        + describe(target.database()) + ". Restore it into the embedded H2 set-up (without BALAI_DB_URL).");
            }

            Path dataDir = target.dataDir();
            Path filesDir = dataDir.resolve("files");
            Path databaseFile = target.h2DatabaseFile();
            boolean databaseExists = databaseFile != null && Files.exists(databaseFile);
            boolean filesExist = containsFiles(filesDir);
            if ((databaseExists || filesExist) && !force) {
                throw new RestoreRefused("The data folder " + dataDir + " already holds "
                        + (databaseExists ? "a database" + (filesExist ? " and stored files" : "") : "stored files")
                        + ". Nothing was changed. To replace them (they are moved aside to " + dataDir
                        + "/before-restore-<time>/, not deleted), run again with --balai.restore.force=true.");
            }
            if (databaseExists && inUse(databaseFile)) {
                throw new RestoreRefused("The database " + databaseFile + " is in use: stop Balai before restoring.");
            }

            String stamp = STAMP.format(clock.instant().atZone(zone));
            removeStaleStaging(dataDir);
            Path staging = dataDir.resolve(".restore-" + stamp);
            Files.createDirectories(staging);
            try {
                Path stagedFiles = staging.resolve("files");
                Files.createDirectories(stagedFiles);
                long[] totals = extractFiles(zip, stagedFiles);
                if (totals[0] != manifest.files() || totals[1] != manifest.fileBytes()) {
                    throw new IOException("The backup is incomplete: its manifest lists " + manifest.files() + " files ("
                            + manifest.fileBytes() + " bytes) but it holds " + totals[0] + " (" + totals[1] + " bytes)."
                            + " Nothing was changed.");
                }
                Path stagedDatabase = null;
                if (hasDatabase) stagedDatabase = extractDatabase(zip, staging, databaseFile.getFileName().toString());

                Path aside = null;
                if (databaseExists || filesExist) {
                    aside = dataDir.resolve("before-restore-" + stamp);
                    moveAside(aside, filesDir, databaseFile);
                } else if (Files.isDirectory(filesDir)) {
                    deleteTree(filesDir); // holds no file, only empty folders
                }
                move(stagedFiles, filesDir);
                if (stagedDatabase != null) {
                    Files.createDirectories(databaseFile.getParent());
                    move(stagedDatabase, databaseFile);
                }
                BackupService.syncDirectory(dataDir);
                return new Result(totals[0], totals[1], stagedDatabase != null, aside, manifest);
            } finally {
                deleteTree(staging);
            }
        }
    }

    private static BackupManifest manifest(ZipFile zip, Path backup) throws RestoreRefused, IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) throw new RestoreRefused(backup + " is not a Balai backup: it has no manifest.json.");
        BackupManifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = BackupManifest.read(in);
        }
        if (manifest.format() < 1 || manifest.format() > BackupManifest.FORMAT) {
            throw new RestoreRefused("This backup has format " + manifest.format() + ", which this version of Balai ("
                    + BackupService.appVersion() + ") cannot read. Restore it with the version that made it ("
                    + manifest.appVersion() + ") or newer.");
        }
        return manifest;
    }

    /** Only the entries a backup has, and file names that stay inside {@code files/} (no zip-slip). */
    private static void checkEntries(ZipFile zip) throws RestoreRefused {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (name.equals(BackupManifest.ENTRY) || name.equals(BackupService.DATABASE_ENTRY)
                    || name.equals(BackupService.DATABASE_README) || name.equals("database/")
                    || name.equals(BackupService.FILES_PREFIX)) {
                continue;
            }
            if (name.startsWith(BackupService.FILES_PREFIX) && safeRelative(name.substring(BackupService.FILES_PREFIX.length()))) {
                continue;
            }
            throw new RestoreRefused("The backup holds an unexpected entry and was not restored: " + name);
        }
    }

    private static boolean safeRelative(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.isEmpty()) return false;
        for (String segment : trimmed.split("/", -1)) {
            if (!SAFE_SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) return false;
        }
        return true;
    }

    private static long[] extractFiles(ZipFile zip, Path stagedFiles) throws IOException {
        long count = 0;
        long bytes = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (!name.startsWith(BackupService.FILES_PREFIX) || entry.isDirectory()) continue;
            Path target = stagedFiles.resolve(name.substring(BackupService.FILES_PREFIX.length())).normalize();
            if (!target.startsWith(stagedFiles)) throw new IOException("unsafe entry " + name);
            Files.createDirectories(target.getParent());
            try (InputStream in = zip.getInputStream(entry)) { // checks the CRC as it reads
                bytes += Files.copy(in, target);
            }
            count++;
        }
        return new long[] {count, bytes};
    }

    /** H2's {@code BACKUP TO} zip holds the single {@code <name>.mv.db} file; it becomes the target's file. */
    private static Path extractDatabase(ZipFile zip, Path staging, String targetName) throws IOException {
        Path inner = staging.resolve("h2-backup.zip");
        try (InputStream in = zip.getInputStream(zip.getEntry(BackupService.DATABASE_ENTRY))) {
            Files.copy(in, inner);
        }
        Path database = staging.resolve(targetName);
        try (ZipFile h2 = new ZipFile(inner.toFile())) {
            List<ZipEntry> stores = new ArrayList<>();
            Enumeration<? extends ZipEntry> entries = h2.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) continue;
                if (!entry.getName().endsWith(".mv.db") || entry.getName().contains("/") || entry.getName().contains("\\")) {
                    throw new IOException("The database part of the backup holds an unexpected entry: " + entry.getName());
                }
                stores.add(entry);
            }
            if (stores.size() != 1) throw new IOException("The database part of the backup holds " + stores.size() + " databases, not 1.");
            try (InputStream in = h2.getInputStream(stores.get(0))) {
                Files.copy(in, database);
            }
        }
        try (FileChannel channel = FileChannel.open(database, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.delete(inner);
        return database;
    }

    private static void moveAside(Path aside, Path filesDir, Path databaseFile) throws IOException {
        Files.createDirectories(aside);
        if (Files.isDirectory(filesDir)) move(filesDir, aside.resolve("files"));
        if (databaseFile != null && Files.isDirectory(databaseFile.getParent())) {
            String base = databaseFile.getFileName().toString();
            base = base.substring(0, base.length() - ".mv.db".length()) + ".";
            Path asideDb = aside.resolve("db");
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(databaseFile.getParent(), base + "*")) {
                for (Path p : dir) {
                    Files.createDirectories(asideDb);
                    move(p, asideDb.resolve(p.getFileName()));
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException otherDisk) {
            Files.move(from, to);
        }
    }

    /** H2 locks the {@code .mv.db} file while it has the database open. */
    private static boolean inUse(Path databaseFile) throws IOException {
        try (FileChannel channel = FileChannel.open(databaseFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException openInThisProcess) {
            return true;
        }
    }

    private static boolean containsFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        boolean[] found = {false};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                found[0] = true;
                return FileVisitResult.TERMINATE;
            }
        });
        return found[0];
    }

    private static void removeStaleStaging(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) return;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(dataDir, ".restore-*")) {
            for (Path p : dir) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static String describe(DatabaseTarget target) {
        return switch (target) {
            case H2_FILE -> "the embedded H2 database";
            case H2_IN_MEMORY -> "an in-memory H2 database";
            case H2_SERVER -> "an H2 server";
            case POSTGRESQL -> "PostgreSQL";
            case OTHER -> "another database";
        };
    }
}
