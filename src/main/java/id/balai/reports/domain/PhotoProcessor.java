package id.balai.reports.domain;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.springframework.stereotype.Component;

/**
 * Turns an upload into what Balai stores: the content must really be JPEG, PNG or WebP (checked by
 * its bytes, not its name), at most 2048 px on the long side, re-encoded as JPEG so that no EXIF
 * (camera, owner, GPS) survives. GPS found in the original is returned to offer it as the location.
 */
@Component
public class PhotoProcessor {

    public static final int MAX_SIDE = 2048;
    public static final int THUMB_SIDE = 320;
    private static final long MAX_PIXELS = 50_000_000L;

    public record Processed(byte[] jpeg, byte[] thumbnail, int width, int height, Double gpsLat, Double gpsLon) {}

    /** Why an upload was refused; the key is a message in the user's language. */
    public static class RejectedPhoto extends Exception {
        private final String messageKey;

        public RejectedPhoto(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /**
     * A decoded photo holds 10–15 MB while it is processed; one per core at a time keeps 32 parallel uploads
     * from exhausting a 256 MB heap (bench/FINDINGS.md §6) and costs no throughput: the work is CPU-bound.
     */
    private final Semaphore decoding = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    public Processed process(byte[] bytes) throws RejectedPhoto {
        if (bytes == null || bytes.length == 0) throw new RejectedPhoto("error.photo.empty");
        String format = sniff(bytes);
        if (format == null) throw new RejectedPhoto("error.photo.type");
        try {
            decoding.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedPhoto("error.photo.unreadable");
        }
        try {
            return processDecoded(bytes);
        } finally {
            decoding.release();
        }
    }

    private Processed processDecoded(byte[] bytes) throws RejectedPhoto {
        try {
            BufferedImage image = flatten(decode(bytes));
            Metadata metadata = readMetadata(bytes);
            int rotation = rotation(metadata);
            boolean tooLarge = image.getWidth() > MAX_SIDE || image.getHeight() > MAX_SIDE;
            BufferedImage full;
            if (tooLarge) {
                full = Thumbnails.of(image).size(MAX_SIDE, MAX_SIDE).keepAspectRatio(true).rotate(rotation).asBufferedImage();
            } else if (rotation != 0) {
                // turn upright without enlarging: size() would scale a small photo up to 2048 px
                full = Thumbnails.of(image).scale(1.0).rotate(rotation).asBufferedImage();
            } else {
                full = image;
            }
            byte[] jpeg = toJpeg(full, 0.85f);
            byte[] thumb = toJpeg(Thumbnails.of(full).size(THUMB_SIDE, THUMB_SIDE).asBufferedImage(), 0.75f);
            GeoLocation gps = gps(metadata);
            return new Processed(jpeg, thumb, full.getWidth(), full.getHeight(),
                    gps == null ? null : gps.getLatitude(), gps == null ? null : gps.getLongitude());
        } catch (IOException | RuntimeException e) {
            throw new RejectedPhoto("error.photo.unreadable");
        }
    }

    /** JPEG, PNG or WebP by their first bytes; null for anything else. */
    static String sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) return "jpeg";
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "png";
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return "webp";
        return null;
    }

    /**
     * Decodes the first image, refusing decompression bombs before a single pixel is decoded and
     * refusing damaged files: readers only warn about a truncated JPEG and fill the rest with grey.
     */
    private static BufferedImage decode(byte[] bytes) throws IOException, RejectedPhoto {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new RejectedPhoto("error.photo.type");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) throw new RejectedPhoto("error.photo.too-large");
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (image == null || !warnings.isEmpty()) throw new RejectedPhoto("error.photo.unreadable");
                return image;
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage flatten(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) return image;
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private static byte[] toJpeg(BufferedImage image, float quality) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thumbnails.of(image).scale(1.0).outputFormat("jpg").outputQuality(quality).toOutputStream(out);
        return out.toByteArray();
    }

    private static Metadata readMetadata(byte[] bytes) {
        try {
            return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            return null;
        }
    }

    private static int rotation(Metadata metadata) {
        if (metadata == null) return 0;
        ExifIFD0Directory dir = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (dir == null || !dir.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) return 0;
        try {
            return switch (dir.getInt(ExifIFD0Directory.TAG_ORIENTATION)) {
                case 3 -> 180;
                case 6 -> 90;
                case 8 -> 270;
                default -> 0;
            };
        } catch (Exception e) {
            return 0;
        }
    }

    private static GeoLocation gps(Metadata metadata) {
        if (metadata == null) return null;
        GpsDirectory dir = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        GeoLocation location = dir == null ? null : dir.getGeoLocation();
        return location == null || location.isZero() ? null : location;
    }
}
