package id.balai.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Pictures for photo tests, made in memory: two-colour images (left half one colour, right half
 * another, so that a rotation can be seen), JPEG and PNG encodings, and a camera-like JPEG with an EXIF
 * segment (make, orientation, GPS) built byte by byte.
 */
public final class TestImages {

    public static final Color RED = new Color(220, 30, 30);
    public static final Color BLUE = new Color(30, 30, 220);
    public static final Color GREEN = new Color(30, 200, 30);
    /** The camera make written into EXIF, to look for in the output. */
    public static final String CAMERA_MAKE = "BalaiCam";

    private TestImages() {}

    /** Left half {@code left}, right half {@code right}. */
    public static BufferedImage halves(int width, int height, Color left, Color right) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(right);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /** A two-colour JPEG of the given size. */
    public static byte[] jpeg(int width, int height) {
        return jpeg(halves(width, height, RED, BLUE));
    }

    /** A two-colour PNG of the given size. */
    public static byte[] png(int width, int height) {
        return png(halves(width, height, RED, BLUE));
    }

    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpg");
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    public static byte[] gif(BufferedImage image) {
        return encode(image, "gif");
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) throw new IllegalStateException("no ImageIO writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JPEG as a camera writes it: SOI, then an APP1 EXIF segment (IFD0 with Make, Orientation and a
     * GPS IFD with latitude and longitude), then the image; the encoder's JFIF APP0 is left out.
     * {@code orientation} is EXIF's 1–8; {@code lat}/{@code lon} may be null for no GPS.
     */
    public static byte[] withExif(byte[] jpeg, int orientation, Double lat, Double lon) {
        if ((jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8) throw new IllegalArgumentException("not a JPEG");
        int rest = 2;
        if ((jpeg[2] & 0xff) == 0xFF && (jpeg[3] & 0xff) == 0xE0) {
            rest = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        }
        byte[] tiff = tiff(orientation, lat, lon);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        int length = 2 + 6 + tiff.length;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tiff);
        out.write(jpeg, rest, jpeg.length - rest);
        return out.toByteArray();
    }

    private static final short BYTE = 1, ASCII = 2, SHORT = 3, LONG = 4, RATIONAL = 5;

    /** A big-endian TIFF structure as EXIF's APP1 carries it. */
    private static byte[] tiff(int orientation, Double lat, Double lon) {
        boolean gps = lat != null && lon != null;
        byte[] make = (CAMERA_MAKE + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0Entries = gps ? 3 : 2;
        int ifd0 = 8;
        int makeAt = ifd0 + 2 + ifd0Entries * 12 + 4;
        int gpsAt = makeAt + make.length + (make.length % 2);
        int gpsEntries = 5;
        int latAt = gpsAt + 2 + gpsEntries * 12 + 4;
        int lonAt = latAt + 24;
        ByteBuffer b = ByteBuffer.allocate(lonAt + 24).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);

        b.position(ifd0);
        b.putShort((short) ifd0Entries);
        entry(b, 0x010F, ASCII, make.length, makeAt); // Make
        b.putShort((short) 0x0112).putShort(SHORT).putInt(1).putShort((short) orientation).putShort((short) 0);
        if (gps) entry(b, 0x8825, LONG, 1, gpsAt); // GPS IFD pointer
        b.putInt(0);
        b.position(makeAt);
        b.put(make);
        if (!gps) return java.util.Arrays.copyOf(b.array(), gpsAt);

        b.position(gpsAt);
        b.putShort((short) gpsEntries);
        b.putShort((short) 0x0000).putShort(BYTE).putInt(4).put(new byte[] {2, 3, 0, 0}); // GPSVersionID
        b.putShort((short) 0x0001).putShort(ASCII).putInt(2).put(new byte[] {(byte) (lat < 0 ? 'S' : 'N'), 0, 0, 0});
        entry(b, 0x0002, RATIONAL, 3, latAt);
        b.putShort((short) 0x0003).putShort(ASCII).putInt(2).put(new byte[] {(byte) (lon < 0 ? 'W' : 'E'), 0, 0, 0});
        entry(b, 0x0004, RATIONAL, 3, lonAt);
        b.putInt(0);
        b.position(latAt);
        degreesMinutesSeconds(b, Math.abs(lat));
        degreesMinutesSeconds(b, Math.abs(lon));
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, short type, int count, int valueOrOffset) {
        b.putShort((short) tag).putShort(type).putInt(count).putInt(valueOrOffset);
    }

    private static void degreesMinutesSeconds(ByteBuffer b, double value) {
        int degrees = (int) value;
        double minutesExact = (value - degrees) * 60;
        int minutes = (int) minutesExact;
        long tenThousandthsOfSeconds = Math.round((minutesExact - minutes) * 60 * 10_000);
        b.putInt(degrees).putInt(1);
        b.putInt(minutes).putInt(1);
        b.putInt((int) tenThousandthsOfSeconds).putInt(10_000);
    }

    /**
     * A PNG whose header claims {@code width}×{@code height} but that holds no pixels: enough for a
     * reader to report its size, not to decode it.
     */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
