package id.balai.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The city's home page and a kelurahan's must open quickly on a cheap phone over a weak connection: each page
 * and everything a first-time visitor's browser fetches for it (stylesheets, scripts, images, what the CSS
 * pulls in, the site icon) stay at or under 150 KB as sent over the wire with gzip. Feed links, the canonical
 * link and other pages' links are not fetched by a browser and are not counted; neither are map tiles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalPageWeightTest {

    static final long BUDGET_BYTES = 150 * 1024;

    @LocalServerPort int port;
    @Autowired StaffDirectory staffDirectory;
    @Autowired JdbcClient jdbc;

    @Test
    void theCityHomePageAndEverythingItLoadsWeighAtMost150KilobytesGzipped() throws Exception {
        FirstVisit visit = firstVisit("/", "City home page");
        assertThat(visit.wireBytes()).as("bytes on the wire for the city's home page").isLessThanOrEqualTo(BUDGET_BYTES);
    }

    @Test
    void aKelurahanHomePageAndEverythingItLoadsWeighAtMost150KilobytesGzipped() throws Exception {
        String regionCode = staffDirectory.withRole(StaffRole.LURAH).get(0).regionCode();
        String slug = jdbc.sql("select slug from site where region_code = ?").param(regionCode).query(String.class).single();
        FirstVisit visit = firstVisit("/kelurahan/" + slug, "Kelurahan home page");
        assertThat(visit.wireBytes()).as("bytes on the wire for a kelurahan's home page").isLessThanOrEqualTo(BUDGET_BYTES);
    }

    /** The page weighed and its breakdown printed, after checking it is a portal page with its own stylesheets. */
    private FirstVisit firstVisit(String path, String name) throws Exception {
        FirstVisit visit = FirstVisit.of(port, path);
        visit.printBreakdown(name, BUDGET_BYTES);

        assertThat(visit.page().contentType()).as("content type of " + path).startsWith("text/html");
        assertThat(visit.urls()).as("the page's own stylesheet and its site's colours are fetched with it")
                .anyMatch(u -> u.getPath().endsWith("/css/balai.css"))
                .anyMatch(u -> u.getPath().endsWith("/tema.css"));
        return visit;
    }
}
