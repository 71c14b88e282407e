package id.balai.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The report form must open quickly on a cheap phone over a weak connection: the page and everything
 * it needs (CSS, scripts, images, the kelurahan boundaries its map fetches) stay under 100 KB as sent
 * over the wire with gzip. Map tiles come from OpenStreetMap and are not counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportFormPageWeightTest {

    static final long BUDGET_BYTES = 100 * 1024;
    /** The form's script fetches the kelurahan boundaries from the URL in this attribute; no tag names it. */
    static final Pattern BOUNDARIES_URL = Pattern.compile("data-boundaries=\"([^\"]+)\"");

    @LocalServerPort int port;

    @Test
    void theReportFormAndEverythingItLoadsWeighLessThan100KilobytesGzipped() throws Exception {
        FirstVisit visit = FirstVisit.of(port, "/laporan/baru", BOUNDARIES_URL);
        visit.printBreakdown("Report form", BUDGET_BYTES);

        assertThat(visit.urls()).as("the page loads Leaflet, its own script and the boundaries")
                .anyMatch(u -> u.getPath().endsWith("leaflet.js"))
                .anyMatch(u -> u.getPath().endsWith("/js/report-form.js"))
                .anyMatch(u -> u.getPath().endsWith("/wilayah/kelurahan.json"));
        assertThat(visit.wireBytes()).as("bytes on the wire for the report form").isLessThan(BUDGET_BYTES);
    }
}
