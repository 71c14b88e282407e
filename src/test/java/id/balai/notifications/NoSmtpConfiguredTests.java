package id.balai.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import id.balai.identity.StaffDirectory;
import id.balai.notifications.NotificationTestData.SavedReport;
import id.balai.reports.ReportStatus;
import id.balai.reports.ReportSubmitted;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/** A city without an SMTP server: e-mail is skipped and the event is done, not retried forever. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, verifyAutomatically = false)
@TestPropertySource(properties = { "balai.demo.enabled=false", "spring.mail.host=" })
@ExtendWith(OutputCaptureExtension.class)
class NoSmtpConfiguredTests {

    @Autowired JdbcClient jdbc;
    @Autowired StaffDirectory staffDirectory;

    @Test
    void withoutSmtpTheEmailIsSkippedAndLoggedWithTheTrackingCodeButNotTheAddress(Scenario scenario, CapturedOutput output) {
        String citizen = NotificationTestData.address("warga-" + NotificationTestData.unique(8));
        SavedReport report = new NotificationTestData(jdbc, staffDirectory).report(ReportStatus.RECEIVED, null, null, citizen);

        scenario.publish(new ReportSubmitted(report.id(), report.trackingCode(), 1, "99", false))
                .andWaitAtMost(Duration.ofSeconds(30))
                .andWaitForStateChange(() -> completed(report), done -> done)
                .andVerify(done -> assertThat(output.getAll())
                        .contains("e-mail skipped, no SMTP configured", report.trackingCode())
                        .doesNotContain(citizen));
    }

    private boolean completed(SavedReport report) {
        return jdbc.sql("""
                select count(*) from event_publication where listener_id = 'notifications.report-submitted'
                and serialized_event like ? and completion_date is not null""")
                .param("%\"" + report.trackingCode() + "\"%").query(Integer.class).single() > 0;
    }
}
