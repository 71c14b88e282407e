package id.balai.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.balai.calendar.Holidays;
import id.balai.demo.StillClock;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Regions;
import id.balai.reports.ReportImport;
import id.balai.reports.ReportImport.Confirm;
import id.balai.reports.ReportImport.Deadlines;
import id.balai.reports.ReportImport.Note;
import id.balai.reports.ReportImport.PhotoKind;
import id.balai.reports.ReportImport.Rate;
import id.balai.reports.ReportImport.ReportSpec;
import id.balai.reports.ReportImport.Resolve;
import id.balai.reports.ReportImport.Route;
import id.balai.reports.ReportImport.Start;
import id.balai.reports.ReportImport.Step;
import id.balai.reports.ReportImport.Support;
import id.balai.reports.ReportImport.Verify;
import id.balai.reports.ReportRouted;
import id.balai.reports.ReportStatus;
import id.balai.reports.ReportStatusChanged;
import id.balai.reports.ReportSubmitted;
import id.balai.reports.domain.TimelineEntry.Action;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

/** Runs against the seeded demo city (its categories, OPD and staff); every test rolls back. */
@SpringBootTest
@Import(StillClock.class)
@Transactional
@RecordApplicationEvents
class HistoricalReportImportTest {

    private static final Instant NOW = StillClock.NOW;

    @Autowired ReportImport reportImport;
    @Autowired Reports reports;
    @Autowired Regions regions;
    @Autowired Holidays holidays;
    @Autowired ApplicationEvents events;

    @Test
    void replaysAHistoryWithTheTimesItHappenedAndAnnouncesNothing() {
        Instant submitted = NOW.minus(Duration.ofDays(20));
        long dlh = regions.agencyByCode("DLH").orElseThrow().id();
        List<Step> steps = List.of(new Verify(submitted.plusSeconds(3600), "koordinator"),
                new Route(submitted.plusSeconds(3600), "koordinator", dlh),
                new Support(submitted.plusSeconds(7200), "tetangga-1"),
                new Start(submitted.plus(Duration.ofDays(1)), "petugas.dlh"),
                new Note(submitted.plus(Duration.ofDays(1)).plusSeconds(60), "dlh", "Armada dijadwalkan besok pagi.", true),
                new Resolve(submitted.plus(Duration.ofDays(2)), "petugas.dlh", "Sampah sudah diangkut."),
                new Confirm(submitted.plus(Duration.ofDays(3))),
                new Rate(submitted.plus(Duration.ofDays(3)), 4, "Terima kasih"));

        ReportImport.Imported imported = reportImport.importReport(spec("sampah", submitted), steps, Deadlines.AS_GIVEN);

        assertThat(imported.status()).isEqualTo(ReportStatus.CLOSED);
        Report r = reports.byId(imported.id()).orElseThrow();
        assertThat(r.submittedAt()).isEqualTo(submitted);
        assertThat(r.routedAt()).isEqualTo(submitted.plusSeconds(3600));
        assertThat(r.closedAt()).isEqualTo(submitted.plus(Duration.ofDays(3)));
        assertThat(r.agencyId()).isEqualTo(dlh);
        assertThat(r.rating()).isEqualTo(4);
        assertThat(r.supporters()).isEqualTo(1);
        assertThat(r.kelurahanCode()).isEqualTo("33.77.03.1002");
        assertThat(reports.reporter(r.id())).get().extracting(Reports.Reporter::name).isEqualTo("Budi Santoso");
        List<TimelineEntry> timeline = reports.timeline(r.id());
        assertThat(timeline).extracting(TimelineEntry::action).containsExactly(Action.SUBMITTED, Action.VERIFIED, Action.ROUTED,
                Action.STARTED, Action.NOTE, Action.RESOLVED, Action.CONFIRMED, Action.RATED);
        assertThat(timeline.get(3).actor()).isEqualTo("petugas.dlh");
        assertThat(timeline.get(3).at()).isEqualTo(submitted.plus(Duration.ofDays(1)));
        assertThat(events.stream(ReportSubmitted.class)).isEmpty();
        assertThat(events.stream(ReportRouted.class)).isEmpty();
        assertThat(events.stream(ReportStatusChanged.class)).isEmpty();
    }

    @Test
    void refusesAStepTheWorkflowDoesNotAllow() {
        Instant submitted = NOW.minus(Duration.ofDays(2));
        assertThatThrownBy(() -> reportImport.importReport(spec("sampah", submitted), List.of(new Confirm(submitted.plusSeconds(60))), Deadlines.AS_GIVEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step 1 (Confirm)").hasMessageContaining("RECEIVED");
    }

    @Test
    void refusesStaffActingOnAnotherOpdsReport() {
        Instant submitted = NOW.minus(Duration.ofDays(2));
        long dpupr = regions.agencyByCode("DPUPR").orElseThrow().id();
        List<Step> steps = List.of(new Route(submitted.plusSeconds(60), "koordinator", dpupr), new Start(submitted.plusSeconds(120), "petugas.dlh"));
        assertThatThrownBy(() -> reportImport.importReport(spec("jalan-rusak", submitted), steps, Deadlines.AS_GIVEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("petugas.dlh").hasMessageContaining("START");
        assertThatThrownBy(() -> reportImport.importReport(spec("jalan-rusak", submitted),
                List.of(new Verify(submitted.plusSeconds(60), "tidak.ada")), Deadlines.AS_GIVEN))
                .hasMessageContaining("unknown staff account tidak.ada");
    }

    @Test
    void refusesStepsOutOfOrderOrInTheFuture() {
        Instant submitted = NOW.minus(Duration.ofDays(2));
        assertThatThrownBy(() -> reportImport.importReport(spec("sampah", submitted),
                List.of(new Verify(submitted.minusSeconds(60), "koordinator")), Deadlines.AS_GIVEN)).hasMessageContaining("step 1");
        assertThatThrownBy(() -> reportImport.importReport(spec("sampah", submitted),
                List.of(new Verify(NOW.plusSeconds(60), "koordinator")), Deadlines.AS_GIVEN)).hasMessageContaining("future");
        assertThatThrownBy(() -> reportImport.importReport(spec("sampah", NOW.plusSeconds(60)), List.of(), Deadlines.AS_GIVEN))
                .hasMessageContaining("future");
    }

    @Test
    void refusesAPointOutsideTheCityAndUnknownAnswers() {
        Instant submitted = NOW.minus(Duration.ofDays(1));
        ReportSpec outside = new ReportSpec("sampah", "Sampah menumpuk di pinggir jalan.", -6.2, 106.8, null, null, false, false,
                "WEB", submitted, null, null, null, Map.of());
        assertThatThrownBy(() -> reportImport.importReport(outside, List.of(), Deadlines.AS_GIVEN)).hasMessageContaining("outside the city");
        ReportSpec badAnswer = new ReportSpec("jalan-rusak", "Jalan berlubang di depan sekolah.", null, null, "33.77.01.1002", "Jl. Pemuda",
                false, false, "WEB", submitted, null, null, null, Map.of("ukuran", "Raksasa"));
        assertThatThrownBy(() -> reportImport.importReport(badAnswer, List.of(), Deadlines.AS_GIVEN)).hasMessageContaining("not a choice");
    }

    @Test
    void enforcedDeadlinesEscalateAsTheSlaJobWould() {
        Instant submitted = NOW.minus(Duration.ofDays(20));
        ReportImport.Imported asGiven = reportImport.importReport(spec("sampah", submitted), List.of(), Deadlines.AS_GIVEN);
        assertThat(asGiven.escalationLevel()).isZero();

        ReportImport.Imported enforced = reportImport.importReport(spec("sampah", submitted), List.of(), Deadlines.ENFORCED);
        assertThat(enforced.escalationLevel()).isEqualTo(2);
        Report r = reports.byId(enforced.id()).orElseThrow();
        List<TimelineEntry> escalations = reports.timeline(r.id()).stream().filter(e -> e.action() == Action.ESCALATED).toList();
        assertThat(escalations).hasSize(2);
        assertThat(escalations.get(0).at()).isEqualTo(r.verifyDueAt().plus(HistoricalReportImport.SLA_JOB_DELAY));
        assertThat(escalations.get(1).at()).isEqualTo(holidays.calendar().addWorkingDays(r.verifyDueAt(), 2).plus(HistoricalReportImport.SLA_JOB_DELAY));
    }

    @Test
    void enforcedDeadlinesCloseAResolvedReportNobodyConfirmed() {
        Instant submitted = NOW.minus(Duration.ofDays(40));
        long dlh = regions.agencyByCode("DLH").orElseThrow().id();
        List<Step> steps = List.of(new Route(submitted.plusSeconds(600), "koordinator", dlh),
                new Resolve(submitted.plus(Duration.ofDays(1)), "dlh", "Sudah dibersihkan."));
        ReportImport.Imported imported = reportImport.importReport(spec("sampah", submitted), steps, Deadlines.ENFORCED);
        assertThat(imported.status()).isEqualTo(ReportStatus.CLOSED);
        Report r = reports.byId(imported.id()).orElseThrow();
        assertThat(r.closedAt()).isEqualTo(r.autoCloseDueAt().plus(HistoricalReportImport.SLA_JOB_DELAY));
        assertThat(reports.timeline(r.id())).extracting(TimelineEntry::action).endsWith(Action.AUTO_CLOSED);
    }

    @Test
    void addsPhotosProcessedLikeUploads() throws Exception {
        Instant submitted = NOW.minus(Duration.ofDays(3));
        long id = reportImport.importReport(spec("sampah", submitted), List.of(), Deadlines.AS_GIVEN).id();
        byte[] png = png();
        reportImport.addPhoto(id, PhotoKind.BEFORE, png, submitted);
        reportImport.addPhoto(id, PhotoKind.BEFORE, png, submitted);
        reportImport.addPhoto(id, PhotoKind.BEFORE, png, submitted);
        assertThatThrownBy(() -> reportImport.addPhoto(id, PhotoKind.BEFORE, png, submitted)).hasMessageContaining("at most 3");
        assertThatThrownBy(() -> reportImport.addPhoto(id, PhotoKind.AFTER, png, submitted.minusSeconds(1))).hasMessageContaining("before the report");
        assertThatThrownBy(() -> reportImport.addPhoto(id, PhotoKind.AFTER, "not an image".getBytes(), submitted)).hasMessageContaining("refused");
        assertThat(reports.photos(id)).hasSize(3).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo("BEFORE");
            assertThat(p.storageKey()).endsWith(".jpg");
            assertThat(p.width()).isEqualTo(64);
        });
    }

    private ReportSpec spec(String category, Instant submitted) {
        GeoPoint point = regions.centreOf("33.77.03.1002").orElseThrow();
        return new ReportSpec(category, "Tumpukan sampah di Jl. Pemuda sudah tiga hari.", point.lat(), point.lon(), null, "Jl. Pemuda",
                false, false, "WEB", submitted, "Budi Santoso", "081234567890", null, Map.of());
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
