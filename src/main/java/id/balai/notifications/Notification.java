package id.balai.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One message to one recipient. The body is already rendered in {@code locale}; the subject is a
 * message key that the channel renders (a short channel such as SMS may leave it out). The link,
 * when present, is shown by the channel after the body.
 *
 * @param reference what the message is about, e.g. a report's tracking code: logged instead of the
 *        recipient, so it must not be personal data
 */
public record Notification(Recipient recipient, Locale locale, String reference, String subjectKey,
        List<String> subjectArgs, String body, String link) {

    public Notification {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(subjectKey, "subjectKey");
        Objects.requireNonNull(body, "body");
        subjectArgs = subjectArgs == null ? List.of() : List.copyOf(subjectArgs);
    }

    /** Names neither the address nor the body: the body or link may carry a citizen's private token. */
    @Override
    public String toString() {
        return "Notification[" + recipient + ", " + reference + ", " + subjectKey + "]";
    }
}
