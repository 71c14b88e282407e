package id.balai.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.balai.BalaiApplication;
import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffRole;
import id.balai.notifications.NotificationTestData.SavedReport;
import id.balai.reports.ReportEscalated;
import id.balai.reports.ReportEscalated.Stage;
import id.balai.reports.ReportLookup;
import id.balai.reports.ReportRouted;
import id.balai.reports.ReportStatus;
import id.balai.reports.ReportStatusChanged;
import id.balai.reports.ReportSubmitted;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The notifications module with the real reports and identity modules it depends on, sending to a
 * real SMTP server in the test JVM. Verification of the whole application is left to the
 * application's own modularity test; this class checks the notifications module's dependencies.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, verifyAutomatically = false)
@TestPropertySource(properties = { "balai.demo.enabled=false" })
class ReportNotificationsTests {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    /**
     * Started before the Spring context asks for its port (a JUnit extension would start it too late)
     * and kept for the whole class: the cached context keeps pointing at this port.
     */
    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired JdbcClient jdbc;
    @Autowired StaffDirectory staffDirectory;
    @Autowired ReportLookup lookup;

    NotificationTestData data;

    @BeforeEach
    void setUp() {
        data = new NotificationTestData(jdbc, staffDirectory);
    }

    @Test
    void citizenWhoGaveAnEmailReceivesTheTrackingCodeAndPrivateLink(Scenario scenario) {
        String citizen = NotificationTestData.address("warga-" + NotificationTestData.unique(8));
        SavedReport report = data.report(ReportStatus.RECEIVED, null, "Budi Santoso", citizen);
        String privateLink = lookup.notice(report.id()).orElseThrow().citizenLink();

        scenario.publish(new ReportSubmitted(report.id(), report.trackingCode(), 1, "99", false))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> Mailbox.about(smtp, report.trackingCode()), mails -> !mails.isEmpty())
                .andVerify(mails -> {
                    assertThat(Mailbox.recipients(mails)).containsExactly(citizen);
                    MimeMessage mail = mails.get(0);
                    assertThat(Mailbox.subject(mail)).contains(report.trackingCode()).contains("terima");
                    assertThat(Mailbox.contentType(mail)).startsWith("multipart/alternative");
                    assertThat(Mailbox.plainText(mail)).contains(privateLink, report.trackingCode(),
                            NotificationTestData.CATEGORY_NAME, "Kelurahan: Sukamaju");
                    assertThat(Mailbox.html(mail)).contains("href=\"" + privateLink + "\"");
                    // Only what the citizen needs: not even their own name is repeated in the e-mail.
                    assertThat(Mailbox.plainText(mail) + Mailbox.html(mail)).doesNotContain("Budi Santoso");
                });
    }

    @Test
    void emergencyReportConfirmationTellsTheCitizenToCallTheEmergencyNumber(Scenario scenario) {
        String citizen = NotificationTestData.address("warga-" + NotificationTestData.unique(8));
        SavedReport report = data.report(ReportStatus.ROUTED, NotificationTestData.agencyId(), null, citizen);

        scenario.publish(new ReportSubmitted(report.id(), report.trackingCode(), 1, "99", true))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> Mailbox.about(smtp, report.trackingCode()), mails -> !mails.isEmpty())
                .andVerify(mails -> assertThat(Mailbox.plainText(mails.get(0))).contains("darurat", "112"));
    }

    @Test
    void citizenWhoGaveNoEmailIsNotWrittenTo(Scenario scenario) {
        SavedReport report = data.report(ReportStatus.RECEIVED, null, "Siti Aminah", null);

        scenario.publish(new ReportSubmitted(report.id(), report.trackingCode(), 1, "99", false))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> completed("notifications.report-submitted", report), done -> done)
                .andVerify(done -> assertThat(Mailbox.about(smtp, report.trackingCode())).isEmpty());
    }

    @Test
    void routingIsEmailedToTheAgencyAdminsWithAnAddressAndToNobodyElse(Scenario scenario) {
        long agency = NotificationTestData.agencyId();
        String admin = data.staff(StaffRole.AGENCY_ADMIN, agency, false, true);
        data.staff(StaffRole.AGENCY_ADMIN, agency, false, false);
        data.staff(StaffRole.FIELD_OFFICER, agency, false, true);
        data.staff(StaffRole.AGENCY_ADMIN, NotificationTestData.agencyId(), false, true);
        String citizen = NotificationTestData.address("warga-" + NotificationTestData.unique(8));
        SavedReport report = data.report(ReportStatus.ROUTED, agency, null, citizen);
        String staffLink = lookup.notice(report.id()).orElseThrow().staffLink();

        scenario.publish(new ReportRouted(report.id(), report.trackingCode(), agency))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> completed("notifications.report-routed", report), done -> done)
                .andVerify(done -> {
                    List<MimeMessage> mails = Mailbox.about(smtp, report.trackingCode());
                    assertThat(Mailbox.recipients(mails)).containsExactly(admin);
                    assertThat(Mailbox.subject(mails.get(0))).contains("Disposisi", NotificationTestData.CATEGORY_NAME);
                    assertThat(Mailbox.plainText(mails.get(0))).contains(staffLink).doesNotContain(citizen);
                });
    }

    @Test
    void lateFollowUpIsEscalatedFirstToTheAgencyHeadThenToTheComplaintDesk(Scenario scenario) {
        long agency = NotificationTestData.agencyId();
        String head = data.staff(StaffRole.LEADER, agency, true, true);
        String admin = data.staff(StaffRole.AGENCY_ADMIN, agency, false, true);
        String coordinator = data.staff(StaffRole.COORDINATOR, null, false, true);
        SavedReport report = data.report(ReportStatus.ROUTED, agency, null, null);

        scenario.publish(new ReportEscalated(report.id(), report.trackingCode(), Stage.FOLLOW_UP, 1, agency))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> completedCount("notifications.report-escalated", report), n -> n == 1)
                .andVerify(n -> {
                    List<String> recipients = Mailbox.recipients(Mailbox.about(smtp, report.trackingCode()));
                    assertThat(recipients).containsExactly(head);
                });

        scenario.publish(new ReportEscalated(report.id(), report.trackingCode(), Stage.FOLLOW_UP, 2, agency))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> completedCount("notifications.report-escalated", report), n -> n == 2)
                .andVerify(n -> {
                    List<MimeMessage> mails = Mailbox.about(smtp, report.trackingCode());
                    assertThat(Mailbox.recipients(mails)).contains(head, coordinator).doesNotContain(admin)
                            .filteredOn(head::equals).hasSize(1);
                    assertThat(mails).filteredOn(m -> Mailbox.recipients(List.of(m)).contains(coordinator))
                            .singleElement().satisfies(m -> assertThat(Mailbox.subject(m)).contains("tingkat 2"));
                });
    }

    @Test
    void lateVerificationIsEscalatedFirstToTheComplaintDeskThenToTheLeaders(Scenario scenario) {
        String coordinator = data.staff(StaffRole.COORDINATOR, null, false, true);
        String leader = data.staff(StaffRole.LEADER, null, false, true);
        SavedReport report = data.report(ReportStatus.RECEIVED, null, null, null);

        scenario.publish(new ReportEscalated(report.id(), report.trackingCode(), Stage.VERIFY, 1, null))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> completedCount("notifications.report-escalated", report), n -> n == 1)
                .andVerify(n -> assertThat(Mailbox.recipients(Mailbox.about(smtp, report.trackingCode())))
                        .contains(coordinator).doesNotContain(leader));

        scenario.publish(new ReportEscalated(report.id(), report.trackingCode(), Stage.VERIFY, 2, null))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> completedCount("notifications.report-escalated", report), n -> n == 2)
                .andVerify(n -> assertThat(Mailbox.recipients(Mailbox.about(smtp, report.trackingCode())))
                        .contains(leader).filteredOn(coordinator::equals).hasSize(1));
    }

    @Test
    void resolvedReportEmailCarriesTheOfficersPublicNoteAndTheLinkToConfirmOrReopen(Scenario scenario) {
        String citizen = NotificationTestData.address("warga-" + NotificationTestData.unique(8));
        SavedReport report = data.report(ReportStatus.RESOLVED, NotificationTestData.agencyId(), null, citizen);
        data.publicNote(report, "Lubang sudah ditambal dengan aspal.");
        String privateLink = lookup.notice(report.id()).orElseThrow().citizenLink();

        scenario.publish(new ReportStatusChanged(report.id(), report.trackingCode(), ReportStatus.IN_PROGRESS, ReportStatus.RESOLVED, 1L))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> Mailbox.about(smtp, report.trackingCode()), mails -> !mails.isEmpty())
                .andVerify(mails -> {
                    assertThat(Mailbox.recipients(mails)).containsExactly(citizen);
                    assertThat(Mailbox.subject(mails.get(0))).contains("selesai");
                    assertThat(Mailbox.plainText(mails.get(0))).contains("Lubang sudah ditambal dengan aspal.", privateLink, "Konfirmasi");
                });
    }

    @Test
    void citizenIsNotWrittenToAboutTheirOwnReopeningNorAboutAHandBackToTheDesk(Scenario scenario) {
        String citizen = NotificationTestData.address("warga-" + NotificationTestData.unique(8));
        SavedReport report = data.report(ReportStatus.REOPENED, NotificationTestData.agencyId(), null, citizen);

        scenario.publish(new ReportStatusChanged(report.id(), report.trackingCode(), ReportStatus.RESOLVED, ReportStatus.REOPENED, 1L))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> completedCount("notifications.report-status-changed", report), n -> n == 1)
                .andVerify(n -> assertThat(Mailbox.about(smtp, report.trackingCode())).isEmpty());

        scenario.publish(new ReportStatusChanged(report.id(), report.trackingCode(), ReportStatus.REOPENED, ReportStatus.VERIFIED, null))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> completedCount("notifications.report-status-changed", report), n -> n == 2)
                .andVerify(n -> assertThat(Mailbox.about(smtp, report.trackingCode())).isEmpty());
    }

    @Test
    void notificationsModuleUsesOnlyThePublicApisOfReportsAndIdentity() {
        ApplicationModules modules = ApplicationModules.of(BalaiApplication.class);
        var notifications = modules.getModuleByName("notifications").orElseThrow();

        notifications.verifyDependencies(modules);
        assertThat(notifications.getDirectDependencies(modules).stream().map(d -> d.getTargetModule().getIdentifier().toString()).distinct())
                .isSubsetOf("reports", "identity", "platform");
    }

    private boolean completed(String listenerId, SavedReport report) {
        return completedCount(listenerId, report) > 0;
    }

    /** Publications of this report's events that the listener finished (sent, or had nothing to send). */
    private int completedCount(String listenerId, SavedReport report) {
        return jdbc.sql("""
                select count(*) from event_publication
                where listener_id = ? and serialized_event like ? and completion_date is not null""")
                .params(listenerId, "%\"" + report.trackingCode() + "\"%").query(Integer.class).single();
    }
}
