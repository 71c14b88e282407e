package id.balai.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.net.ConnectException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** Addresses and private links are personal data: whatever ends up in a log must not carry them. */
class NotificationPrivacyTests {

    static final String ADDRESS = "warga.astina@contoh.go.id";

    @Test
    void recipientAndNotificationPrintWithoutAddressBodyOrLink() {
        Notification n = new Notification(new Recipient.Email(ADDRESS), Locale.forLanguageTag("id"), "AB12CD34",
                "notification.citizen.submitted.subject", List.of("AB12CD34"), "isi pribadi", "https://kota/laporan/AB12CD34/w/rahasia");

        assertThat(n.toString()).contains("AB12CD34").doesNotContain(ADDRESS, "isi pribadi", "rahasia");
    }

    @Test
    void refusedRecipientIsDescribedWithoutTheAddressTheServerQuoted() {
        var refused = new MailSendException("Failed messages",
                new SendFailedException("Invalid Addresses", new SendFailedException("550 5.1.1 <" + ADDRESS + ">: unknown user")));

        assertThat(EmailChannel.describe(refused)).startsWith("SendFailedException").doesNotContain(ADDRESS);
        assertThat(EmailChannel.describe(new AddressException("Illegal address", ADDRESS))).doesNotContain(ADDRESS);
    }

    @Test
    void connectionFailureIsDescribedByItsRootCause() {
        var down = new MailSendException("Mail server connection failed", new ConnectException("Connection refused"));

        assertThat(EmailChannel.describe(down)).isEqualTo("ConnectException: Connection refused");
    }

    @Test
    void blankOrMalformedAddressesGiveNoRecipientAndTheErrorDoesNotEchoThem() {
        assertThat(Recipient.email(null)).isEmpty();
        assertThat(Recipient.email("  ")).isEmpty();
        assertThat(Recipient.email("bukan alamat")).isEmpty();
        assertThat(Recipient.email(" " + ADDRESS + " ")).contains(new Recipient.Email(ADDRESS));
        assertThatIllegalArgumentException().isThrownBy(() -> new Recipient.Email("warga@@contoh"))
                .withMessageNotContaining("warga");
    }

    @Test
    void bodyParagraphsKeepTheirLineBreaks() {
        assertThat(EmailChannel.paragraphs("Satu.\n\nKode: A\nKategori: B\r\n\r\nTiga."))
                .containsExactly(List.of("Satu."), List.of("Kode: A", "Kategori: B"), List.of("Tiga."));
    }
}
