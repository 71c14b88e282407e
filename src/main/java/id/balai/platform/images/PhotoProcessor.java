package id.balai.platform.images;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.IntBinaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.springframework.stereotype.Component;

/**
 * Turns an upload into what Balai stores: the content must really be JPEG, PNG or WebP (checked by
 * its bytes, not its name and by decoding every row), at most 2048 px on the long side, as a JPEG
 * without EXIF (camera, owner, GPS). An upright JPEG that fits is kept as sent minus its metadata
 * ({@link JpegWithoutMetadata}: no second compression, a fraction of the memory and CPU); anything
 * else is re-encoded from its pixels. GPS found in the original is returned to offer it as the location.
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
     * A photo being re-encoded holds up to ~40 MB (a 12-megapixel phone photo); one per core at a time keeps 32
     * parallel uploads from exhausting a 256 MB heap (bench/FINDINGS.md §6) and costs no throughput: the work is CPU-bound.
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
            return processDecoded(bytes, format);
        } finally {
            decoding.release();
        }
    }

    private Processed processDecoded(byte[] bytes, String format) throws RejectedPhoto {
        try {
            Metadata metadata = readMetadata(bytes);
            int rotation = rotation(metadata);
            Optional<byte[]> plain = "jpeg".equals(format) && rotation == 0 ? JpegWithoutMetadata.of(bytes) : Optional.empty();
            boolean keepAsSent = plain.isPresent();
            // A JPEG kept as sent is decoded only to check it and for the thumbnail: a fraction of its size will do.
            Decoded decoded = decode(bytes, (w, h) -> keepAsSent && w <= MAX_SIDE && h <= MAX_SIDE ? 2 * THUMB_SIDE : MAX_SIDE);
            byte[] jpeg;
            BufferedImage forThumbnail;
            int width, height;
            if (keepAsSent && decoded.width() <= MAX_SIDE && decoded.height() <= MAX_SIDE) {
                jpeg = plain.get();
                width = decoded.width();
                height = decoded.height();
                forThumbnail = flatten(decoded.image());
            } else {
                BufferedImage full = upright(fit(flatten(decoded.image()), MAX_SIDE), rotation);
                jpeg = toJpeg(full, 0.85f, bytes.length);
                width = full.getWidth();
                height = full.getHeight();
                forThumbnail = full;
            }
            byte[] thumb = toJpeg(fit(forThumbnail, THUMB_SIDE), 0.75f, 32 * 1024);
            GeoLocation gps = gps(metadata);
            return new Processed(jpeg, thumb, width, height,
                    gps == null ? null : gps.getLatitude(), gps == null ? null : gps.getLongitude());
        } catch (IOException | RuntimeException e) {
            throw new RejectedPhoto("error.photo.unreadable");
        }
    }

    /**
     * A smaller copy of a photo this class made (for pages read on phones: a 2048 px photo is most of a page's
     * weight), or the same bytes when it already fits in a square of {@code side}.
     */
    public byte[] smaller(byte[] processedJpeg, int side) throws RejectedPhoto {
        try {
            decoding.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedPhoto("error.photo.unreadable");
        }
        try {
            Decoded decoded = decode(processedJpeg, (w, h) -> side);
            if (decoded.width() <= side && decoded.height() <= side) return processedJpeg;
            return toJpeg(fit(flatten(decoded.image()), side), 0.8f, processedJpeg.length / 3);
        } catch (IOException | RuntimeException e) {
            throw new RejectedPhoto("error.photo.unreadable");
        } finally {
            decoding.release();
        }
    }

    /** The image itself when it already fits in a square of {@code side}, else scaled down to fit (never up). */
    private static BufferedImage fit(BufferedImage image, int side) throws IOException {
        if (image.getWidth() <= side && image.getHeight() <= side) return image;
        return Thumbnails.of(image).size(side, side).keepAspectRatio(true).asBufferedImage();
    }

    /** Turned by a quarter, half or three quarters as the camera recorded it; the same image when upright. */
    private static BufferedImage upright(BufferedImage image, int degrees) {
        if (degrees == 0) return image;
        int w = image.getWidth(), h = image.getHeight();
        boolean quarter = degrees == 90 || degrees == 270;
        BufferedImage turned = new BufferedImage(quarter ? h : w, quarter ? w : h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = turned.createGraphics();
        AffineTransform t = new AffineTransform();
        t.translate(turned.getWidth() / 2.0, turned.getHeight() / 2.0);
        t.rotate(Math.toRadians(degrees));
        t.translate(-w / 2.0, -h / 2.0);
        g.drawImage(image, t, null);
        g.dispose();
        return turned;
    }

    /** JPEG, PNG or WebP by their first bytes; null for anything else. */
    static String sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) return "jpeg";
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "png";
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return "webp";
        return null;
    }

    /** A decoded image, perhaps at a fraction of its size, and the size of the picture as sent. */
    private record Decoded(BufferedImage image, int width, int height) {}

    /**
     * Decodes the first image, refusing decompression bombs before a single pixel is decoded and
     * refusing damaged files: readers only warn about a truncated JPEG and fill the rest with grey.
     * Every pixel row is read, but only every k-th row and column is kept, k the largest whole number
     * that leaves the long side at least {@code side(width, height)}: a 50-megapixel photo never needs
     * 150 MB of heap.
     */
    private static Decoded decode(byte[] bytes, IntBinaryOperator side) throws IOException, RejectedPhoto {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new RejectedPhoto("error.photo.type");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0), height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) throw new RejectedPhoto("error.photo.too-large");
                int step = Math.max(1, Math.max(width, height) / Math.max(1, side.applyAsInt(width, height)));
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0, param);
                if (image == null || !warnings.isEmpty()) throw new RejectedPhoto("error.photo.unreadable");
                return new Decoded(image, width, height);
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

    /** Encoded straight from the image's pixels: no copy of the image, and no metadata but JFIF's. */
    private static byte[] toJpeg(BufferedImage image, float quality, int sizeHint) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
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
