package id.balai.platform.images;

import static id.balai.support.TestImages.BLUE;
import static id.balai.support.TestImages.GREEN;
import static id.balai.support.TestImages.RED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import id.balai.support.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhotoProcessorTest {

    private static final double SEMARANG_LAT = -6.9932;
    private static final double SEMARANG_LON = 110.4203;

    private final PhotoProcessor processor = new PhotoProcessor();

    @Test
    void aCameraPhotoComesOutUprightWithoutAnyExifAndItsGpsIsOffered() throws Exception {
        byte[] upload = TestImages.withExif(TestImages.jpeg(TestImages.halves(3000, 2000, RED, BLUE)), 6,
                SEMARANG_LAT, SEMARANG_LON);
        Metadata before = metadata(upload);
        assertThat(before.getFirstDirectoryOfType(GpsDirectory.class)).as("the upload carries GPS").isNotNull();
        assertThat(before.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(6);

        PhotoProcessor.Processed out = processor.process(upload);

        assertThat(out.gpsLat()).isCloseTo(SEMARANG_LAT, within(1e-6));
        assertThat(out.gpsLon()).isCloseTo(SEMARANG_LON, within(1e-6));
        // orientation 6: the camera was turned a quarter clockwise; upright, the left half is on top
        assertThat(out.width()).isCloseTo(1365, within(1));
        assertThat(out.height()).isEqualTo(2048);
        BufferedImage image = TestImages.read(out.jpeg());
        assertThat(image.getWidth()).isEqualTo(out.width());
        assertThat(image.getHeight()).isEqualTo(out.height());
        assertColour(image, image.getWidth() / 2, image.getHeight() / 4, RED);
        assertColour(image, image.getWidth() / 2, image.getHeight() * 3 / 4, BLUE);
        assertNoExif(out.jpeg());
        assertNoExif(out.thumbnail());
    }

    @ParameterizedTest(name = "EXIF orientation {0}")
    @ValueSource(ints = {1, 3, 8})
    void everyCommonOrientationIsTurnedUpright(int orientation) throws Exception {
        byte[] upload = TestImages.withExif(TestImages.jpeg(TestImages.halves(2400, 1600, RED, BLUE)), orientation, null, null);

        PhotoProcessor.Processed out = processor.process(upload);
        BufferedImage image = TestImages.read(out.jpeg());

        assertThat(out.gpsLat()).isNull();
        assertThat(out.gpsLon()).isNull();
        assertNoExif(out.jpeg());
        switch (orientation) {
            case 1 -> { // as stored, and small enough to keep its size
                assertThat(image.getWidth()).isEqualTo(2048);
                assertColour(image, image.getWidth() / 4, image.getHeight() / 2, RED);
                assertColour(image, image.getWidth() * 3 / 4, image.getHeight() / 2, BLUE);
            }
            case 3 -> { // upside down: left and right swap
                assertThat(image.getWidth()).isEqualTo(2048);
                assertColour(image, image.getWidth() / 4, image.getHeight() / 2, BLUE);
                assertColour(image, image.getWidth() * 3 / 4, image.getHeight() / 2, RED);
            }
            case 8 -> { // turned a quarter anticlockwise: the left half ends at the bottom
                assertThat(image.getHeight()).isEqualTo(2048);
                assertColour(image, image.getWidth() / 2, image.getHeight() / 4, BLUE);
                assertColour(image, image.getWidth() / 2, image.getHeight() * 3 / 4, RED);
            }
            default -> throw new IllegalStateException();
        }
    }

    @Test
    void aSmallPhotoWithoutExifKeepsItsSizeAndOffersNoGps() throws Exception {
        PhotoProcessor.Processed out = processor.process(TestImages.jpeg(TestImages.halves(640, 480, RED, BLUE)));

        assertThat(out.width()).isEqualTo(640);
        assertThat(out.height()).isEqualTo(480);
        assertThat(out.gpsLat()).isNull();
        assertThat(out.gpsLon()).isNull();
        BufferedImage thumb = TestImages.read(out.thumbnail());
        assertThat(thumb.getWidth()).isEqualTo(PhotoProcessor.THUMB_SIDE);
        assertThat(thumb.getHeight()).isEqualTo(240);
        assertNoExif(out.jpeg());
    }

    @Test
    void anUprightJpegThatFitsIsKeptPixelForPixelWithoutItsMetadataComments() throws Exception {
        byte[] sent = TestImages.withExif(TestImages.jpeg(TestImages.halves(800, 600, RED, BLUE)), 1, SEMARANG_LAT, SEMARANG_LON);
        byte[] upload = concat(withSegment(sent, 0xFE, "Pak Budi, Jl. Melati 7".getBytes(StandardCharsets.ISO_8859_1)),
                "<script>trailing</script>".getBytes(StandardCharsets.ISO_8859_1));

        PhotoProcessor.Processed out = processor.process(upload);

        assertThat(out.gpsLat()).isCloseTo(SEMARANG_LAT, within(1e-6));
        assertThat(out.width()).isEqualTo(800);
        assertThat(out.height()).isEqualTo(600);
        assertNoExif(out.jpeg());
        String raw = new String(out.jpeg(), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Pak Budi").doesNotContain("script");
        assertThat(out.jpeg()[out.jpeg().length - 2] & 0xff).isEqualTo(0xFF);
        assertThat(out.jpeg()[out.jpeg().length - 1] & 0xff).isEqualTo(0xD9);
        // not compressed a second time: the very same pixels
        BufferedImage before = TestImages.read(sent), after = TestImages.read(out.jpeg());
        assertThat(after.getRGB(0, 0, 800, 600, null, 0, 800)).isEqualTo(before.getRGB(0, 0, 800, 600, null, 0, 800));
        BufferedImage thumb = TestImages.read(out.thumbnail());
        assertThat(thumb.getWidth()).isEqualTo(PhotoProcessor.THUMB_SIDE);
        assertThat(thumb.getHeight()).isEqualTo(240);
        assertNoExif(out.thumbnail());
    }

    @Test
    void aProgressiveJpegIsKeptAsSentToo() throws Exception {
        BufferedImage picture = TestImages.halves(640, 480, RED, BLUE);
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var stream = javax.imageio.ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(stream);
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new javax.imageio.IIOImage(picture, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] upload = bytes.toByteArray();

        PhotoProcessor.Processed out = processor.process(upload);

        assertThat(out.jpeg()).isEqualTo(upload); // nothing to strip: the same bytes
        assertThat(out.width()).isEqualTo(640);
    }

    @Test
    void aJpegWithAColourProfileIsReEncodedRatherThanShownInTheWrongColours() throws Exception {
        byte[] icc = concat("ICC_PROFILE\0\1\1".getBytes(StandardCharsets.ISO_8859_1),
                java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData());
        byte[] upload = withSegment(TestImages.jpeg(TestImages.halves(400, 300, RED, BLUE)), 0xE2, icc);

        PhotoProcessor.Processed out = processor.process(upload);

        assertThat(new String(out.jpeg(), StandardCharsets.ISO_8859_1)).doesNotContain("ICC_PROFILE");
        BufferedImage image = TestImages.read(out.jpeg());
        assertColour(image, 100, 150, RED);
        assertColour(image, 300, 150, BLUE);
    }

    @Test
    void aVeryLargePhotoIsDecodedAtAFractionOfItsSizeAndStillClampedExactly() throws Exception {
        PhotoProcessor.Processed out = processor.process(TestImages.jpeg(TestImages.halves(4500, 1500, RED, BLUE)));

        assertThat(out.width()).isEqualTo(PhotoProcessor.MAX_SIDE);
        assertThat(out.height()).isCloseTo(683, within(1));
        BufferedImage image = TestImages.read(out.jpeg());
        assertColour(image, 500, 340, RED);
        assertColour(image, 1500, 340, BLUE);
    }

    @Test
    void aJpegWhoseSegmentsDoNotAddUpIsRefusedNotStored() {
        byte[] jpeg = TestImages.jpeg(TestImages.halves(400, 300, RED, BLUE));
        byte[] broken = jpeg.clone();
        broken[4] = (byte) 0x7F; // the first segment now claims to run far past the end of the file

        assertRejected(broken, "error.photo.unreadable");
    }

    @Test
    void markersADecoderMightReadDifferentlyAreNeverCopiedAsTheyAre() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.halves(200, 100, RED, BLUE));
        // TEM (0x01) has no length in the standard: a copier that reads one could smuggle an EXIF block past itself
        byte[] tem = withSegment(jpeg, 0x01, "Exif\0\0 GPS -6.96 110.09".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(JpegWithoutMetadata.of(tem)).isEmpty();
        assertThat(JpegWithoutMetadata.of(withSegment(jpeg, 0xDC, new byte[] {0, 100}))).as("DNL").isEmpty();
        assertThat(JpegWithoutMetadata.of(withSegment(jpeg, 0xEE, "Adobe but longer than its flags".getBytes(StandardCharsets.ISO_8859_1))))
                .as("an APP14 that is not Adobe's 12 bytes").isEmpty();
    }

    @Test
    void jfifIsKeptWithoutItsThumbnailOrAnyExtraBytes() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.halves(200, 100, RED, BLUE));
        byte[] withoutApp0 = JpegWithoutMetadata.of(jpeg).orElseThrow();
        // a JFIF header that carries 1x1 thumbnail pixels and a hidden phone number after its 14 bytes
        byte[] fat = concat("JFIF\0\1\2\0\0\1\0\1\1\1".getBytes(StandardCharsets.ISO_8859_1),
                concat(new byte[] {(byte) 200, 10, 10}, "0812-3456-7890".getBytes(StandardCharsets.ISO_8859_1)));
        byte[] kept = JpegWithoutMetadata.of(withSegment(withoutApp0, 0xE0, fat)).orElseThrow();
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("0812");
        assertThat(kept[2] & 0xff).isEqualTo(0xFF);
        assertThat(kept[3] & 0xff).isEqualTo(0xE0);
        assertThat(((kept[4] & 0xff) << 8) | (kept[5] & 0xff)).isEqualTo(16);
        assertThat(TestImages.read(kept).getWidth()).isEqualTo(200);
    }

    /** The JPEG with one more segment (marker, contents) right after its start-of-image marker. */
    private static byte[] withSegment(byte[] jpeg, int marker, byte[] contents) {
        int length = contents.length + 2;
        byte[] segment = concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, contents);
        return concat(concat(Arrays.copyOf(jpeg, 2), segment), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void gpsAtZeroZeroIsNotOfferedAsALocation() throws Exception {
        byte[] upload = TestImages.withExif(TestImages.jpeg(TestImages.halves(320, 240, RED, BLUE)), 1, 0.0, 0.0);

        PhotoProcessor.Processed out = processor.process(upload);

        assertThat(out.gpsLat()).isNull();
        assertThat(out.gpsLon()).isNull();
    }

    @Test
    void aWidePngIsClampedTo2048PixelsOnTheLongSide() throws Exception {
        byte[] upload = TestImages.png(TestImages.halves(3000, 1000, RED, BLUE));

        PhotoProcessor.Processed out = processor.process(upload);

        assertThat(out.width()).isEqualTo(PhotoProcessor.MAX_SIDE);
        assertThat(out.height()).isCloseTo(683, within(1));
        assertThat(PhotoProcessor.sniff(out.jpeg())).isEqualTo("jpeg");
        BufferedImage image = TestImages.read(out.jpeg());
        assertThat(image.getWidth()).isEqualTo(2048);
        assertThat(image.getHeight()).isEqualTo(out.height());
        BufferedImage thumb = TestImages.read(out.thumbnail());
        assertThat(thumb.getWidth()).isEqualTo(PhotoProcessor.THUMB_SIDE);
        assertThat(thumb.getHeight()).isCloseTo(107, within(1));
    }

    @Test
    void aTallPhotoIsClampedOnItsHeight() throws Exception {
        PhotoProcessor.Processed out = processor.process(TestImages.jpeg(TestImages.halves(1500, 4000, RED, BLUE)));

        assertThat(out.height()).isEqualTo(2048);
        assertThat(out.width()).isCloseTo(768, within(1));
    }

    @Test
    void aPngWithTransparencyBecomesAJpegOnWhite() throws Exception {
        BufferedImage argb = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        g.setColor(GREEN);
        g.fillRect(200, 0, 200, 300); // the left half stays fully transparent
        g.dispose();
        byte[] upload = TestImages.png(argb);
        assertThat(TestImages.read(upload).getColorModel().hasAlpha()).isTrue();

        PhotoProcessor.Processed out = processor.process(upload);

        assertThat(PhotoProcessor.sniff(out.jpeg())).isEqualTo("jpeg");
        assertThat(PhotoProcessor.sniff(out.thumbnail())).isEqualTo("jpeg");
        BufferedImage image = TestImages.read(out.jpeg());
        assertThat(image.getColorModel().hasAlpha()).isFalse();
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(300);
        assertColour(image, 100, 150, Color.WHITE);
        assertColour(image, 300, 150, GREEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"red-blue-64x48-lossy.webp", "red-blue-64x48-lossless.webp"})
    void aWebpPhotoIsAcceptedAndStoredAsJpeg(String file) throws Exception {
        byte[] upload = resource("/photos/" + file);
        assertThat(PhotoProcessor.sniff(upload)).isEqualTo("webp");

        PhotoProcessor.Processed out = processor.process(upload);

        assertThat(out.width()).isEqualTo(64);
        assertThat(out.height()).isEqualTo(48);
        assertThat(PhotoProcessor.sniff(out.jpeg())).isEqualTo("jpeg");
        BufferedImage image = TestImages.read(out.jpeg());
        assertColour(image, 10, 24, RED);
        assertColour(image, 54, 24, BLUE);
    }

    @Test
    void aTextFileNamedLikeAJpegIsRefusedAsNotAPhoto() {
        byte[] text = "Ini bukan foto, hanya teks dengan nama foto.jpg\n".getBytes(StandardCharsets.UTF_8);

        assertRejected(text, "error.photo.type");
    }

    @Test
    void aGifOrAnHtmlPageIsRefusedAsNotAPhoto() {
        assertRejected(TestImages.gif(TestImages.halves(40, 30, RED, BLUE)), "error.photo.type");
        assertRejected("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "error.photo.type");
        assertRejected(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "error.photo.type"); // too short to be anything
    }

    @Test
    void aJpegCutOffInItsHeaderIsRefusedAsUnreadable() {
        byte[] jpeg = TestImages.jpeg(TestImages.halves(400, 300, RED, BLUE));

        assertRejected(Arrays.copyOf(jpeg, 120), "error.photo.unreadable");
    }

    @Test
    void aJpegMagicNumberFollowedByGarbageIsRefusedAsUnreadable() {
        byte[] garbage = new byte[5000];
        new Random(42).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;

        assertRejected(garbage, "error.photo.unreadable");
    }

    @Test
    void anEmptyUploadIsRefused() {
        assertRejected(new byte[0], "error.photo.empty");
        assertRejected(null, "error.photo.empty");
    }

    @Test
    void aPictureClaimingTooManyPixelsIsRefusedBeforeDecoding() {
        byte[] bomb = TestImages.pngHeaderOnly(10_000, 6_000);
        assertThat(PhotoProcessor.sniff(bomb)).isEqualTo("png");

        assertRejected(bomb, "error.photo.too-large");
    }

    // --- helpers -----------------------------------------------------------------------------

    private void assertRejected(byte[] upload, String key) {
        assertThatThrownBy(() -> processor.process(upload))
                .isInstanceOf(PhotoProcessor.RejectedPhoto.class)
                .satisfies(e -> assertThat(((PhotoProcessor.RejectedPhoto) e).messageKey()).isEqualTo(key));
    }

    private static Metadata metadata(byte[] bytes) throws Exception {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
    }

    static void assertNoExif(byte[] jpeg) throws Exception {
        Metadata m = metadata(jpeg);
        assertThat(m.getFirstDirectoryOfType(GpsDirectory.class)).as("GPS directory").isNull();
        assertThat(m.getFirstDirectoryOfType(ExifIFD0Directory.class)).as("EXIF IFD0").isNull();
        assertThat(m.getFirstDirectoryOfType(ExifSubIFDDirectory.class)).as("EXIF sub-IFD").isNull();
        String raw = new String(jpeg, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Exif\0\0").doesNotContain(TestImages.CAMERA_MAKE);
    }

    private static void assertColour(BufferedImage image, int x, int y, Color expected) {
        Color actual = new Color(image.getRGB(x, y));
        assertThat(Math.abs(actual.getRed() - expected.getRed()) + Math.abs(actual.getGreen() - expected.getGreen())
                + Math.abs(actual.getBlue() - expected.getBlue()))
                .as("colour at %d,%d: %s, expected about %s", x, y, actual, expected).isLessThan(60);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = PhotoProcessorTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }



    @Test
    void aSmallSidewaysPhotoIsTurnedUprightButNotEnlarged() throws Exception {
        byte[] upload = TestImages.withExif(TestImages.jpeg(TestImages.halves(300, 200, RED, BLUE)), 6, null, null);

        PhotoProcessor.Processed out = processor.process(upload);

        assertThat(out.width()).isEqualTo(200);
        assertThat(out.height()).isEqualTo(300);
    }

    @Test
    void aJpegCutOffInTheMiddleIsRefusedAsUnreadable() {
        byte[] jpeg = TestImages.jpeg(TestImages.halves(400, 300, RED, BLUE));

        assertThatThrownBy(() -> processor.process(Arrays.copyOf(jpeg, jpeg.length / 2)))
                .isInstanceOf(PhotoProcessor.RejectedPhoto.class)
                .hasMessage("error.photo.unreadable");
    }
}
