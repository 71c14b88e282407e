package id.balai.notifications;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Reads what reached the in-process SMTP server. */
final class Mailbox {

    private Mailbox() {}

    /** Messages whose subject names the tracking code. */
    static List<MimeMessage> about(GreenMail smtp, String trackingCode) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(trackingCode)).toList();
    }

    static List<String> recipients(List<MimeMessage> messages) {
        return messages.stream().flatMap(m -> Arrays.stream(unchecked(() -> m.getAllRecipients())))
                .filter(Objects::nonNull).map(Address::toString).sorted().toList();
    }

    static String subject(MimeMessage message) {
        return unchecked(message::getSubject);
    }

    static String plainText(MimeMessage message) {
        return part(message, 0);
    }

    static String html(MimeMessage message) {
        return part(message, 1);
    }

    static String contentType(MimeMessage message) {
        return unchecked(message::getContentType);
    }

    private static String part(MimeMessage message, int index) {
        return unchecked(() -> (String) ((MimeMultipart) message.getContent()).getBodyPart(index).getContent());
    }

    private interface MailCall<T> {
        T call() throws MessagingException, IOException;
    }

    private static <T> T unchecked(MailCall<T> call) {
        try {
            return call.call();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
