package id.balai.reports.domain;

import id.balai.platform.images.PhotoProcessor;
import id.balai.platform.storage.FileStorage;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Photos uploaded with a report form are processed and stored at once, under the form's submission
 * key, so that a form shown again after a validation error keeps them (a browser cannot refill a
 * file field) and a retried submission does not upload twice.
 */
@Service
public class PhotoStaging {

    public static final int MAX_PHOTOS = 3;
    private static final Logger log = LoggerFactory.getLogger(PhotoStaging.class);

    public record StagedPhoto(long id, String submissionKey, String storageKey, String thumbKey, int width, int height,
            Double gpsLat, Double gpsLon) {}

    private final JdbcClient jdbc;
    private final FileStorage storage;
    private final PhotoProcessor processor;
    private final Clock clock;

    PhotoStaging(JdbcClient jdbc, FileStorage storage, PhotoProcessor processor, Clock clock) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.processor = processor;
        this.clock = clock;
    }

    public StagedPhoto stage(String submissionKey, byte[] upload) throws PhotoProcessor.RejectedPhoto, IOException {
        // The same file sent again with the same form (a resend after a crash or a lost answer) is kept once.
        String digest = sha256(upload);
        Optional<StagedPhoto> same = stagedWithDigest(submissionKey, digest);
        if (same.isPresent()) return same.get();
        if (staged(submissionKey).size() >= MAX_PHOTOS) throw new PhotoProcessor.RejectedPhoto("error.photo.too-many");
        PhotoProcessor.Processed p = processor.process(upload);
        String key = storage.store("reports", p.jpeg(), "jpg");
        String thumb = storage.store("reports", p.thumbnail(), "jpg");
        try {
            jdbc.sql("insert into staged_photo (submission_key, upload_sha256, storage_key, thumb_key, width, height, gps_lat, gps_lon, created_at) values (?,?,?,?,?,?,?,?,?)")
                    .params(submissionKey, digest, key, thumb, p.width(), p.height(), p.gpsLat(), p.gpsLon(), Reports.ts(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            // A parallel resend of the same form stored the same file first.
            deleteQuietly(key);
            deleteQuietly(thumb);
            return stagedWithDigest(submissionKey, digest).orElseThrow(() -> e);
        }
        return staged(submissionKey).stream().filter(s -> s.storageKey().equals(key)).findFirst().orElseThrow();
    }

    private Optional<StagedPhoto> stagedWithDigest(String submissionKey, String digest) {
        return jdbc.sql("select id from staged_photo where submission_key = ? and upload_sha256 = ?").params(submissionKey, digest)
                .query(Long.class).optional().flatMap(id -> stagedByThumb(submissionKey, id));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<StagedPhoto> staged(String submissionKey) {
        return jdbc.sql("select * from staged_photo where submission_key = ? order by id").param(submissionKey)
                .query((rs, i) -> {
                    double lat = rs.getDouble("gps_lat");
                    Double gpsLat = rs.wasNull() ? null : lat;
                    double lon = rs.getDouble("gps_lon");
                    Double gpsLon = rs.wasNull() ? null : lon;
                    return new StagedPhoto(rs.getLong("id"), rs.getString("submission_key"), rs.getString("storage_key"),
                            rs.getString("thumb_key"), rs.getInt("width"), rs.getInt("height"), gpsLat, gpsLon);
                }).list();
    }

    public Optional<StagedPhoto> stagedByThumb(String submissionKey, long id) {
        return staged(submissionKey).stream().filter(s -> s.id() == id).findFirst();
    }

    public void remove(String submissionKey, long id) {
        stagedByThumb(submissionKey, id).ifPresent(s -> {
            jdbc.sql("delete from staged_photo where id = ?").param(s.id()).update();
            deleteQuietly(s.storageKey());
            deleteQuietly(s.thumbKey());
        });
    }

    /** Forgets staging rows that became a report's photos (same transaction as the report). */
    void consumed(String submissionKey) {
        jdbc.sql("delete from staged_photo where submission_key = ?").param(submissionKey).update();
    }

    /** Deletes photos of forms that were never sent. */
    public int purgeOlderThan(Duration age) {
        List<StagedPhoto> old = jdbc.sql("select * from staged_photo where created_at < ?")
                .param(Reports.ts(clock.instant().minus(age)))
                .query((rs, i) -> new StagedPhoto(rs.getLong("id"), rs.getString("submission_key"), rs.getString("storage_key"),
                        rs.getString("thumb_key"), 0, 0, null, null)).list();
        for (StagedPhoto s : old) {
            jdbc.sql("delete from staged_photo where id = ?").param(s.id()).update();
            deleteQuietly(s.storageKey());
            deleteQuietly(s.thumbKey());
        }
        if (!old.isEmpty()) log.info("Removed {} photos of forms that were never submitted", old.size());
        return old.size();
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete stored file {}: {}", key, e.getMessage());
        }
    }
}
