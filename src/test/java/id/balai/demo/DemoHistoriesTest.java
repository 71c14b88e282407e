package id.balai.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.balai.calendar.Holidays;
import id.balai.organisation.Regions;
import id.balai.reports.ReportImport;
import id.balai.reports.ReportStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invented histories must pass the workflow's rules whatever day the city is seeded on: across
 * weekends, the Idul Fitri holidays and a Monday after a long weekend. Imports roll back.
 */
@SpringBootTest
@Import(StillClock.class)
@Transactional
class DemoHistoriesTest {

    @Autowired ReportImport reportImport;
    @Autowired Regions regions;
    @Autowired Holidays holidays;
    @Autowired StillClock.Settable clock;
    @Autowired DemoCitySeeder seeder;

    @BeforeEach
    void letTheSeededPhotosFinishBeforeMovingTheClock() throws Exception {
        seeder.photos().get(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void putTheClockBack() {
        clock.set(StillClock.NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-18", "2026-03-20", "2026-03-21", "2026-03-23", "2026-06-01", "2026-08-16", "2026-10-03", "2026-11-02"})
    void historiesFitTheWorkflowWhateverTheDay(String day) {
        Instant seededAt = LocalDate.parse(day).atTime(9, 15).toInstant(ZoneOffset.ofHours(7));
        clock.set(seededAt);
        AstinaMap map = new AstinaMap();
        Map<String, Long> agencyIds = new LinkedHashMap<>();
        AstinaCatalogue.AGENCIES.forEach(a -> agencyIds.put(a.code(), regions.agencyByCode(a.code()).orElseThrow().id()));
        var histories = new DemoHistories(map, agencyIds, regions, holidays.calendar(), seededAt, day.hashCode());
        Set<ReportStatus> seen = EnumSet.noneOf(ReportStatus.class);
        for (DemoHistories.Planned p : histories.plan(60)) {
            assertThat(p.spec().submittedAt()).isAfter(seededAt.minus(Duration.ofDays(121)));
            ReportImport.Imported imported = reportImport.importReport(p.spec(), p.steps(), ReportImport.Deadlines.ENFORCED);
            // A resolved report nobody confirmed closes only once its auto-close window is over.
            boolean waitsForAutoClose = p.target() == ReportStatus.CLOSED && p.steps().stream().noneMatch(s -> s instanceof ReportImport.Confirm);
            if (waitsForAutoClose) assertThat(imported.status()).isIn(ReportStatus.CLOSED, ReportStatus.RESOLVED);
            else assertThat(imported.status()).isEqualTo(p.target());
            seen.add(imported.status());
        }
        assertThat(seen).isEqualTo(EnumSet.allOf(ReportStatus.class));
    }
}
