package id.balai.opendata;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import id.balai.organisation.Region;
import id.balai.platform.CsvCells;
import id.balai.organisation.Regions;
import id.balai.reports.ReportCatalogue;
import id.balai.reports.ReportStatistics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files of the report-statistics dataset, made from {@link ReportStatistics}: once a day by a
 * db-scheduler task (one node), and on first use after a start, so they are never older than a day.
 */
@Configuration(proxyBeanMethods = false)
class ReportStatisticsFiles {

    static final String DATASET = "statistik-aduan";
    static final String FILE = "aduan-per-bulan";
    static final Duration EVERY = Duration.ofHours(24);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The two files as made at {@code madeAt}. */
    record Files(Instant madeAt, byte[] csv, byte[] json, int rows) {}

    private final ReportStatistics statistics;
    private final ReportCatalogue catalogue;
    private final Regions regions;
    private final Datasets datasets;
    private final Clock clock;
    private volatile Files files;

    ReportStatisticsFiles(ReportStatistics statistics, ReportCatalogue catalogue, Regions regions, Datasets datasets, Clock clock) {
        this.statistics = statistics;
        this.catalogue = catalogue;
        this.regions = regions;
        this.datasets = datasets;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> reportStatisticsRefresh() {
        return Tasks.recurring("opendata-report-statistics", FixedDelay.of(EVERY)).execute((instance, context) -> refresh());
    }

    Files current() {
        Files f = files;
        if (f != null && !f.madeAt().plus(EVERY).isBefore(clock.instant())) return f;
        synchronized (this) { // those who waited here get what the first one made
            f = files;
            return f != null && !f.madeAt().plus(EVERY).isBefore(clock.instant()) ? f : refresh();
        }
    }

    synchronized Files refresh() {
        List<ReportStatistics.Count> counts = statistics.monthly();
        Map<String, String> categories = catalogue.services().stream()
                .collect(Collectors.toMap(ReportCatalogue.Service::code, ReportCatalogue.Service::nameId, (a, b) -> a));
        Map<String, String> kelurahans = regions.kelurahans().stream().collect(Collectors.toMap(Region::code, Region::name, (a, b) -> a));
        StringBuilder csv = new StringBuilder("bulan,kode_kategori,kategori,kode_kelurahan,kelurahan,diterima,publik,selesai\r\n");
        List<Map<String, Object>> json = new java.util.ArrayList<>(counts.size());
        Function<String, String> cell = CsvCells::cell;
        for (ReportStatistics.Count c : counts) {
            String category = categories.getOrDefault(c.categoryCode(), c.categoryCode());
            String kelurahan = c.kelurahanCode() == null ? "" : kelurahans.getOrDefault(c.kelurahanCode(), c.kelurahanCode());
            csv.append(c.month()).append(',').append(cell.apply(c.categoryCode())).append(',').append(cell.apply(category)).append(',')
                    .append(cell.apply(c.kelurahanCode() == null ? "" : c.kelurahanCode())).append(',').append(cell.apply(kelurahan)).append(',')
                    .append(received(c) == null ? "" : received(c)).append(',').append(c.published()).append(',').append(c.resolved()).append("\r\n");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("bulan", c.month().toString());
            row.put("kode_kategori", c.categoryCode());
            row.put("kategori", category);
            row.put("kode_kelurahan", c.kelurahanCode());
            row.put("kelurahan", kelurahan);
            row.put("diterima", received(c));
            row.put("publik", c.published());
            row.put("selesai", c.resolved());
            json.add(row);
        }
        Instant now = clock.instant();
        Files before = files;
        Files made = new Files(now, csv.toString().getBytes(StandardCharsets.UTF_8), JSON.writeValueAsBytes(json), counts.size());
        files = made;
        // harvesters fetch a dataset again when it changed: only when it did
        if (before == null || !java.util.Arrays.equals(before.csv(), made.csv())) datasets.touched(DATASET, now);
        return made;
    }

    /**
     * Reports received, or null where that would show one or two reports the public never saw (pending or
     * rejected) in one kelurahan, category and month: small counts are left out, as statistics offices do.
     */
    static Integer received(ReportStatistics.Count c) {
        int hidden = c.received() - c.published();
        return hidden > 0 && hidden < 3 ? null : c.received();
    }
}
