package id.balai.platform.images;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * A JPEG copied segment by segment, keeping only what the picture needs: frame and scan headers,
 * Huffman and quantisation tables, the restart interval, JFIF's header (rewritten without a thumbnail)
 * and Adobe's colour flag. EXIF and XMP (APP1), other application segments and comments are left out,
 * and bytes after the end-of-image marker are dropped. The compressed pixels are copied as they are, so the photo
 * loses nothing and is not compressed a second time.
 *
 * <p>Only the plain case is handled: one or three colour components and no embedded colour profile
 * (APP2), whose colours a viewer would show differently once it is gone. Anything else, or anything
 * that does not parse cleanly, gives empty, and the caller re-encodes the decoded pixels instead.
 */
final class JpegWithoutMetadata {

    private static final int SOI = 0xD8, EOI = 0xD9, SOS = 0xDA, COM = 0xFE, APP0 = 0xE0, APP2 = 0xE2, APP14 = 0xEE,
            DHT = 0xC4, DQT = 0xDB, DRI = 0xDD;

    private JpegWithoutMetadata() {}

    static Optional<byte[]> of(byte[] in) {
        if (in.length < 4 || (in[0] & 0xff) != 0xFF || (in[1] & 0xff) != SOI) return Optional.empty();
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 2);
        int pos = 2;
        boolean frame = false;
        while (pos + 1 < in.length) {
            if ((in[pos] & 0xff) != 0xFF) return Optional.empty();
            while (pos + 1 < in.length && (in[pos + 1] & 0xff) == 0xFF) pos++; // fill bytes before a marker
            if (pos + 1 >= in.length) return Optional.empty();
            int marker = in[pos + 1] & 0xff;
            if (marker == EOI) {
                out.write(in, pos, 2);
                return frame ? Optional.of(out.toByteArray()) : Optional.empty();
            }
            if (pos + 4 > in.length) return Optional.empty();
            int length = ((in[pos + 2] & 0xff) << 8) | (in[pos + 3] & 0xff);
            int end = pos + 2 + length;
            if (length < 2 || end > in.length) return Optional.empty();
            if (isFrameHeader(marker)) {
                if (length < 8) return Optional.empty();
                int components = in[pos + 9] & 0xff;
                if (components != 1 && components != 3) return Optional.empty();
                frame = true;
                out.write(in, pos, end - pos);
            } else if (marker == DHT || marker == DQT || marker == DRI || marker == SOS) {
                out.write(in, pos, end - pos);
            } else if (marker == APP0) {
                // only JFIF's own header, rewritten without its thumbnail (a stale, uncropped copy of the photo)
                if (length < 16 || !startsWith(in, pos + 4, "JFIF\0")) return Optional.empty();
                out.write(new byte[] {(byte) 0xFF, (byte) APP0, 0, 16}, 0, 4);
                out.write(in, pos + 4, 12); // identifier, version, units, both densities
                out.write(new byte[] {0, 0}, 0, 2);
            } else if (marker == APP14) {
                // Adobe's colour-transform flag, in its exact 12-byte form only
                if (length != 14 || !startsWith(in, pos + 4, "Adobe")) return Optional.empty();
                out.write(in, pos, end - pos);
            } else if (marker == COM || (marker > APP0 && marker <= 0xEF && marker != APP2)) {
                // metadata (EXIF, XMP, comments…): left out
            } else {
                // a colour profile (APP2) or any marker a decoder might read differently (TEM, DNL, reserved):
                // not copied blindly, the caller re-encodes the pixels instead
                return Optional.empty();
            }
            pos = end;
            if (marker == SOS) {
                // the compressed data runs to the next marker that is neither a stuffed 0xFF00 nor a restart
                int data = pos;
                while (pos + 1 < in.length) {
                    if ((in[pos] & 0xff) == 0xFF) {
                        int next = in[pos + 1] & 0xff;
                        if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) break;
                    }
                    pos++;
                }
                if (pos + 1 >= in.length) return Optional.empty();
                out.write(in, data, pos - data);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] in, int at, String ascii) {
        if (at + ascii.length() > in.length) return false;
        for (int i = 0; i < ascii.length(); i++) if (in[at + i] != (byte) ascii.charAt(i)) return false;
        return true;
    }

    /** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
