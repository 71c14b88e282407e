package id.balai.reports.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Tracking IDs that are short and safe to read over the phone: 8 characters from an alphabet without
 * 0/O, 1/I/L and U, shown as two groups of four ({@code K7MQ-3P9X}).
 */
public final class TrackingCode {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCode() {}

    public static String generate() {
        char[] chars = new char[9];
        for (int i = 0; i < 9; i++) {
            chars[i] = i == 4 ? '-' : ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }

    /**
     * Reads what a person typed or said: case, spaces and dashes do not matter, and the letters people
     * confuse with digits are read as the digit-free alphabet allows (O→0 is impossible, so O is refused).
     */
    public static Optional<String> normalise(String input) {
        if (input == null) return Optional.empty();
        String s = input.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (s.length() != 8) return Optional.empty();
        for (char c : s.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) return Optional.empty();
        }
        return Optional.of(s.substring(0, 4) + "-" + s.substring(4));
    }
}
