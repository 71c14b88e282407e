package id.balai.portal;

import id.balai.platform.images.PhotoProcessor;
import id.balai.platform.storage.FileStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A site's image library. An upload is checked by its bytes and decoded in full, made at most 2048 px on the
 * long side with a small copy for lists, and stored without EXIF ({@link PhotoProcessor}, as for report photos).
 */
@Repository
class SiteMedia {

    /** A stored upload, and where the photo was taken when the camera recorded it. */
    record Added(long id, Double gpsLat, Double gpsLon) {}

    /** {@code mediumKey}: a copy at most {@value #MEDIUM_SIDE} px for pages (the full file when it is no larger). */
    record Image(long id, long siteId, String fileKey, String mediumKey, String thumbKey, int width, int height, long bytes, String alt,
            Instant at) {}

    static final int MEDIUM_SIDE = 1024;

    private final JdbcClient jdbc;
    private final FileStorage storage;
    private final PhotoProcessor processor;

    SiteMedia(JdbcClient jdbc, FileStorage storage, PhotoProcessor processor) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.processor = processor;
    }

    /** Stores an upload; refused (with the message key) when it is not a photo Balai can read. */
    Added add(long siteId, byte[] upload, String alt, Long by, Instant now) throws PhotoProcessor.RejectedPhoto {
        PhotoProcessor.Processed p = processor.process(upload);
        try {
            String key = storage.store("situs", p.jpeg(), "jpg");
            byte[] medium = processor.smaller(p.jpeg(), MEDIUM_SIDE);
            String mediumKey = medium == p.jpeg() ? key : storage.store("situs", medium, "jpg");
            String thumb = storage.store("situs", p.thumbnail(), "jpg");
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("insert into site_media (site_id, file_key, medium_key, thumb_key, width, height, bytes, alt, uploaded_by, uploaded_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(siteId, key, mediumKey, thumb, p.width(), p.height(), (long) p.jpeg().length, alt == null ? "" : alt.strip(), by,
                            SiteItems.utc(now))
                    .update(keys, "id");
            return new Added(keys.getKey().longValue(), p.gpsLat(), p.gpsLon());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Image> byId(long id) {
        return jdbc.sql("select * from site_media where id = ?").param(id).query(SiteMedia::image).optional();
    }

    List<Image> ofSite(long siteId) {
        return jdbc.sql("select * from site_media where site_id = ? order by id desc").param(siteId).query(SiteMedia::image).list();
    }

    /**
     * Removes an image from the library (the caller checks that nothing uses it) and, once that is committed, its
     * files: a restored old version that named it simply has no photo.
     */
    boolean remove(long siteId, long id) {
        Optional<Image> image = byId(id).filter(i -> i.siteId() == siteId);
        if (image.isEmpty() || jdbc.sql("delete from site_media where id = ? and site_id = ?").params(id, siteId).update() == 0) return false;
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        for (String key : new java.util.LinkedHashSet<>(List.of(image.get().fileKey(), image.get().mediumKey(), image.get().thumbKey()))) {
                            try {
                                storage.delete(key);
                            } catch (IOException e) {
                                org.slf4j.LoggerFactory.getLogger(SiteMedia.class).warn("Image file {} not deleted: {}", key, e.toString());
                            }
                        }
                    }
                });
        return true;
    }

    private static Image image(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String file = rs.getString("file_key");
        String medium = rs.getString("medium_key");
        return new Image(rs.getLong("id"), rs.getLong("site_id"), file, medium == null ? file : medium, rs.getString("thumb_key"),
                rs.getInt("width"), rs.getInt("height"), rs.getLong("bytes"), rs.getString("alt"), SiteItems.instant(rs, "uploaded_at"));
    }
}
