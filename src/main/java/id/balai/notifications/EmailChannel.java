package id.balai.notifications;

import id.balai.platform.BalaiProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * E-mail through the city's SMTP server: multipart/alternative with plain text first (what a cheap
 * phone's mail app shows) and a simple HTML version from {@code templates/mail/notification.html}.
 * Without an SMTP host the e-mail is skipped, logging the reference but never the address.
 */
@Component
class EmailChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final ObjectProvider<JavaMailSender> senders;
    private final boolean configured;
    private final MessageSource messages;
    private final ITemplateEngine templates;
    private final String from;

    EmailChannel(ObjectProvider<JavaMailSender> senders, @Value("${spring.mail.host:}") String host,
            MessageSource messages, ITemplateEngine templates, BalaiProperties properties) {
        this.senders = senders;
        // Boot creates a JavaMailSender whenever spring.mail.host is present, even when it is empty
        // (application.properties maps it to an unset BALAI_SMTP_HOST), so the host itself decides.
        this.configured = host != null && !host.isBlank();
        this.messages = messages;
        this.templates = templates;
        this.from = properties.mail().from();
    }

    @Override
    public boolean accepts(Recipient recipient) {
        return recipient instanceof Recipient.Email;
    }

    @Override
    public void deliver(Notification n) {
        JavaMailSender sender = configured ? senders.getIfAvailable() : null;
        if (sender == null) {
            log.info("e-mail skipped, no SMTP configured: {} for {}", n.subjectKey(), n.reference());
            return;
        }
        MimeMessage mail = compose(sender, n);
        try {
            sender.send(mail);
        } catch (MailException e) {
            throw new NotificationFailedException("e-mail " + n.subjectKey() + " for " + n.reference() + " not sent: " + describe(e));
        }
        log.info("e-mail sent: {} for {}", n.subjectKey(), n.reference());
    }

    private MimeMessage compose(JavaMailSender sender, Notification n) {
        String subject = messages.getMessage(n.subjectKey(), n.subjectArgs().toArray(), n.locale());
        String footer = messages.getMessage("notification.mail.footer", null, n.locale());
        try {
            MimeMessage mail = sender.createMimeMessage();
            mail.setFrom(new InternetAddress(from, true));
            mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(((Recipient.Email) n.recipient()).address(), true));
            mail.setSubject(subject, UTF_8);
            MimeBodyPart text = new MimeBodyPart();
            text.setText(plainText(n, footer), UTF_8);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(html(n, subject, footer), UTF_8, "html");
            mail.setContent(new MimeMultipart("alternative", text, html));
            return mail;
        } catch (MessagingException e) {
            // A malformed address or sender setting: retrying cannot help, but failing keeps it visible.
            throw new NotificationFailedException("e-mail " + n.subjectKey() + " for " + n.reference() + " not composed: " + describe(e));
        }
    }

    private static String plainText(Notification n, String footer) {
        StringBuilder text = new StringBuilder(n.body().strip());
        if (n.link() != null) text.append("\n\n").append(n.link());
        return text.append("\n\n-- \n").append(footer).append('\n').toString();
    }

    private String html(Notification n, String subject, String footer) {
        Context context = new Context(n.locale());
        context.setVariable("subject", subject);
        context.setVariable("paragraphs", paragraphs(n.body()));
        context.setVariable("link", n.link());
        context.setVariable("footer", footer);
        return templates.process("mail/notification", context);
    }

    /** Blank lines separate paragraphs; single line breaks stay line breaks. */
    static List<List<String>> paragraphs(String body) {
        return Arrays.stream(body.strip().split("\\R\\s*\\R")).map(p -> List.of(p.strip().split("\\R"))).toList();
    }

    /**
     * The cause without personal data: a refused recipient's exception text quotes the address, so
     * only its kind is kept; connection and authentication errors name just the server.
     */
    static String describe(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SendFailedException) return t.getClass().getSimpleName() + " (address refused or message rejected by the SMTP server)";
            root = t;
        }
        if (root instanceof jakarta.mail.internet.AddressException) return "AddressException (malformed address)";
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
