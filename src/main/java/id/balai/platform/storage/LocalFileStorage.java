package id.balai.platform.storage;

import id.balai.platform.BalaiProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Files under {@code <data-dir>/files}, written to a temporary name, synced, then moved into place. */
@Component
class LocalFileStorage implements FileStorage {

    private static final Pattern SAFE_KEY = Pattern.compile("[a-z0-9-]+(/[0-9]{4}/[0-9]{2})?/[0-9a-f-]{36}\\.[a-z0-9]{1,5}");
    private static final Pattern SAFE_PART = Pattern.compile("[a-z0-9-]{1,40}");

    private final Path root;
    private final Clock clock;
    private final java.time.ZoneId zone;

    LocalFileStorage(BalaiProperties properties, Clock clock) throws IOException {
        this.clock = clock;
        this.zone = properties.timeZone();
        this.root = properties.dataDir().resolve("files").toAbsolutePath().normalize();
        Files.createDirectories(root);
    }

    @Override
    public String store(String folder, byte[] content, String extension) throws IOException {
        if (!SAFE_PART.matcher(folder).matches() || !SAFE_PART.matcher(extension).matches()) {
            throw new IllegalArgumentException("unsafe storage folder or extension");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String key = "%s/%04d/%02d/%s.%s".formatted(folder, today.getYear(), today.getMonthValue(), UUID.randomUUID(), extension);
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) channel.write(buffer);
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        // sync the folder too, so the new name itself survives a power cut
        try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the file's own content is already synced
        }
        return key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public boolean exists(String key) {
        return SAFE_KEY.matcher(key).matches() && Files.isRegularFile(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(resolve(key));
    }

    private Path resolve(String key) {
        if (!SAFE_KEY.matcher(key).matches()) throw new IllegalArgumentException("invalid storage key");
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) throw new IllegalArgumentException("invalid storage key");
        return path;
    }
}
