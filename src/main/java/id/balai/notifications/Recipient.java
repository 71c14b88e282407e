package id.balai.notifications;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a notification goes: an address on one channel. Its {@code toString} hides the address, so
 * logging a recipient by mistake leaks no personal data.
 */
public sealed interface Recipient permits Recipient.Email {

    /** An e-mail address; a clearly malformed one is refused. */
    record Email(String address) implements Recipient {

        // Deliberately loose: the SMTP server is the judge; this only catches blanks and typing slips.
        private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

        public Email {
            if (address == null || address.length() > 254 || !SHAPE.matcher(address.strip()).matches()) {
                throw new IllegalArgumentException("not an e-mail address");
            }
            address = address.strip();
        }

        @Override
        public String toString() {
            return "Email[***]";
        }
    }

    /** The e-mail recipient for an address that may be missing or malformed. */
    static Optional<Recipient> email(String address) {
        if (address == null || address.isBlank()) return Optional.empty();
        try {
            return Optional.of(new Email(address));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
