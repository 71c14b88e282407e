package id.balai.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import id.balai.identity.StaffDirectory;
import id.balai.notifications.NotificationTestData.SavedReport;
import id.balai.reports.ReportStatus;
import id.balai.reports.ReportSubmitted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The mail server is down when the event arrives: the event must wait in the registry, not vanish. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, verifyAutomatically = false)
@TestPropertySource(properties = { "balai.demo.enabled=false" })
@ExtendWith(OutputCaptureExtension.class)
class EmailDeliveryFailureTests {

    /** A port nobody listens on until the test starts a mail server there. */
    static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired JdbcClient jdbc;
    @Autowired StaffDirectory staffDirectory;
    @Autowired IncompleteEventPublications incomplete;

    GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) smtp.stop();
    }

    @Test
    void mailServerOutageLeavesTheEventIncompleteAndAResubmissionDeliversIt(Scenario scenario, CapturedOutput output) {
        String citizen = NotificationTestData.address("warga-" + NotificationTestData.unique(8));
        SavedReport report = new NotificationTestData(jdbc, staffDirectory).report(ReportStatus.RECEIVED, null, null, citizen);
        ReportSubmitted event = new ReportSubmitted(report.id(), report.trackingCode(), 1, "99", false);

        scenario.publish(event)
                .andWaitAtMost(Duration.ofSeconds(60))
                .andWaitForStateChange(() -> publication(report), p -> "FAILED".equals(p.get("status")))
                .andVerify(p -> assertThat(p.get("completion_date")).isNull());
        // The failure is logged with the tracking code, never with the citizen's address.
        assertThat(output.getAll()).contains(report.trackingCode()).doesNotContain(citizen);

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        scenario.stimulate(() -> incomplete.resubmitIncompletePublications(
                        p -> p.getEvent() instanceof ReportSubmitted s && s.trackingCode().equals(report.trackingCode())))
                .andWaitAtMost(Duration.ofSeconds(60))
                .andWaitForStateChange(() -> publication(report), p -> p.get("completion_date") != null)
                .andVerify(p -> assertThat(Mailbox.recipients(Mailbox.about(smtp, report.trackingCode()))).containsExactly(citizen));
    }

    private Map<String, Object> publication(SavedReport report) {
        return jdbc.sql("""
                select status, completion_date, completion_attempts from event_publication
                where listener_id = 'notifications.report-submitted' and serialized_event like ?""")
                .param("%\"" + report.trackingCode() + "\"%").query().singleRow();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
