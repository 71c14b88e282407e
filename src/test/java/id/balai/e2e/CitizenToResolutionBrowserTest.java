package id.balai.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitUntilState;
import id.balai.support.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A citizen and three kinds of staff in a real browser (Debian's Chromium driven by Playwright): the
 * report travels from the form with a map pin and a photo, through verification, the public map and
 * the agency's work, back to the citizen who closes it. Map tiles come from the internet and are
 * blocked; markers and clicks are what is tested.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CitizenToResolutionBrowserTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync");
    static final String PASSWORD = "demo-test-pass";
    static final Pattern PRIVATE_PAGE = Pattern.compile("/laporan/([2-9A-Z]{4}-[2-9A-Z]{4})/w/([0-9a-f]{32,64})\\?baru$");
    static final long PAGE_BUDGET_BYTES = 100 * 1024;

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort int port;
    final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void launchChromium() {
        requireChromium();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(CHROMIUM_ARGS));
    }

    /** CI installs Chromium, so there a missing browser is an error; on a developer's machine the tests step aside. */
    static void requireChromium() {
        if (Files.isExecutable(CHROMIUM)) return;
        boolean ci = Boolean.getBoolean("balai.require-postgres") || "true".equalsIgnoreCase(System.getenv("CI"));
        String message = "Chromium not found at /usr/bin/chromium: browser tests skipped (CI installs it)";
        if (ci) Assertions.fail("Chromium not found at /usr/bin/chromium, and this is a CI run: install it with "
                + "`apt-get install -y chromium` (.ci/run does)");
        Assumptions.abort(message);
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    @BeforeEach
    void noContextsYet() {
        contexts.clear();
    }

    @AfterEach
    void closeContexts() {
        for (BrowserContext context : contexts) {
            // Tile requests still being aborted must not race the closing context.
            context.unrouteAll();
            context.close();
        }
    }

    @Test
    void aCitizenReportWithAMapPinAndAPhotoTravelsThroughTheCityHallUntilTheCitizenClosesIt() {
        // --- the citizen files a report -----------------------------------------------------------
        Page citizen = newPage(true);
        citizen.navigate(url("/laporan/baru"));
        Locator map = citizen.locator("#pick-map.leaflet-container");
        assertThat(map).isVisible();

        citizen.locator("label.choice", new Page.LocatorOptions().setHasText("#sampahastina")).locator("input[type=radio]").check();
        String description = "Tumpukan sampah di tepi jalan depan SD sudah seminggu tidak diangkut " + System.nanoTime();
        citizen.locator("#description").fill(description);

        assertThat(citizen.locator("#lat")).hasValue("");
        map.click(); // the middle of the map: the map opens on the city centre
        assertThat(citizen.locator("#lat")).not().hasValue("");
        double centreLat = Double.parseDouble(map.getAttribute("data-lat"));
        double centreLon = Double.parseDouble(map.getAttribute("data-lon"));
        double pinLat = Double.parseDouble(citizen.inputValue("#lat"));
        double pinLon = Double.parseDouble(citizen.inputValue("#lon"));
        assertThat(Math.abs(pinLat - centreLat)).as("pin latitude near the city centre").isLessThan(0.002);
        assertThat(Math.abs(pinLon - centreLon)).as("pin longitude near the city centre").isLessThan(0.002);
        assertThat(citizen.locator("#pick-map .leaflet-marker-icon")).hasCount(1);
        assertThat(citizen.locator("#location-status")).containsText(citizen.inputValue("#lat"));

        citizen.locator("#photo-input").setInputFiles(new FilePayload("sampah.jpg", "image/jpeg", TestImages.jpeg(1024, 768)));
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim laporan")).click();

        // Either saved at once, or first offered open reports of the same kind nearby (the server's
        // section with its "send anyway" button, not the live hint the script may have shown already).
        Locator nearbyOffer = citizen.locator("section[aria-labelledby='nearby-title']");
        assertThat(citizen.locator("#saved-title").or(nearbyOffer)).isVisible();
        if (nearbyOffer.isVisible()) {
            assertThat(Double.parseDouble(citizen.inputValue("#lat"))).as("the pin is kept").isCloseTo(pinLat, within(1e-6));
            assertThat(citizen.locator(".photos img")).hasCount(1); // the photo is kept too
            citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tetap kirim laporan baru")).click();
        }
        citizen.waitForURL(PRIVATE_PAGE);
        Matcher saved = PRIVATE_PAGE.matcher(citizen.url());
        assertThat(saved.find()).isTrue();
        String code = saved.group(1);
        String privatePage = citizen.url().replace("?baru", "");
        assertThat(citizen.locator("#saved-title")).hasText("Laporan Anda tersimpan");
        assertThat(citizen.locator(".tracking")).hasText(code);
        assertThat(citizen.locator(".badge")).hasText("Diterima");
        assertThat(citizen.locator(".description")).hasText(description);

        // --- the complaint desk verifies it; it goes to DLH at once ---------------------------------
        Page desk = loggedIn("koordinator");
        desk.navigate(url("/staf/laporan/" + code));
        assertThat(desk.locator("h1")).containsText(code);
        assertThat(desk.locator(".photos figure")).hasCount(1);
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verifikasi")).click();
        assertThat(desk.locator(".notice")).hasText("Laporan diverifikasi.");
        assertThat(desk.locator("p > .badge").first()).hasText("Didisposisikan");
        assertThat(desk.locator(".actions > .card").first()).containsText("Dinas Lingkungan Hidup");

        // --- anybody finds it on the public map by its number ----------------------------------------
        Page visitor = newPage(true);
        visitor.navigate(url("/laporan/peta"));
        assertThat(visitor.locator("#reports-map[data-loaded]")).hasCount(1);
        visitor.getByText("Saring laporan").click(); // the filters are folded away at first
        visitor.locator("#f-q").fill(code);
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terapkan")).click();
        assertThat(visitor.locator("#reports-map[data-loaded='1']")).hasCount(1);
        Locator marker = visitor.locator(".leaflet-marker-icon[title='" + code + "']");
        assertThat(marker).isVisible();
        marker.click();
        Locator popupLink = visitor.locator(".leaflet-popup-content a");
        assertThat(popupLink).containsText(code);
        popupLink.click();
        visitor.waitForURL("**/laporan/" + code);
        assertThat(visitor.locator(".description")).hasText(description);

        // --- DLH's field officer finds it in the inbox, starts and resolves it with an after photo -----
        Page officer = loggedIn("petugas.dlh");
        officer.locator("#f-q").fill(code);
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terapkan")).click();
        officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code).setExact(true)).click();
        officer.waitForURL("**/staf/laporan/" + code);
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mulai tangani")).click();
        assertThat(officer.locator(".notice")).hasText("Laporan mulai ditangani.");
        assertThat(officer.locator("p > .badge").first()).hasText("Diproses");
        officer.locator("#resolve-note").fill("Sampah sudah diangkut truk DLH pagi ini; bak sampah baru dipasang.");
        officer.locator("#resolve-photo").setInputFiles(new FilePayload("sesudah.jpg", "image/jpeg", TestImages.jpeg(800, 600)));
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nyatakan selesai")).click();
        assertThat(officer.locator(".notice")).hasText("Laporan dinyatakan selesai. Pelapor diminta konfirmasi.");
        assertThat(officer.locator("p > .badge").first()).hasText("Selesai");
        assertThat(officer.locator(".photos figure")).hasCount(2);

        // --- the citizen agrees it is fixed ------------------------------------------------------------
        citizen.navigate(privatePage);
        assertThat(citizen.locator(".badge").first()).hasText("Selesai");
        assertThat(citizen.locator(".timeline")).containsText("bak sampah baru dipasang");
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ya, sudah beres")).click();
        assertThat(citizen.locator(".notice")).hasText("Terima kasih, laporan ditutup.");
        assertThat(citizen.locator(".badge").first()).hasText("Ditutup");
    }

    @Test
    void withoutJavaScriptTheCitizenFilesAReportByKelurahanAndAddress() {
        Page citizen = newPage(false);
        citizen.navigate(url("/laporan/baru"));
        assertThat(citizen.locator("#pick-map")).isHidden();

        citizen.locator("label.choice", new Page.LocatorOptions().setHasText("#sampahastina")).locator("input[type=radio]").check();
        citizen.locator("#description").fill("Bak sampah RW 03 penuh dan berbau sejak Senin.");
        String kelurahan = citizen.locator("#kelurahanCode option").nth(1).textContent();
        citizen.locator("#kelurahanCode").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        citizen.locator("#address").fill("Depan balai RW 03, Jl. Melati");
        citizen.locator("#photo-input").setInputFiles(new FilePayload("bak.jpg", "image/jpeg", TestImages.jpeg(640, 480)));
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim laporan")).click();

        citizen.waitForURL(PRIVATE_PAGE);
        Matcher saved = PRIVATE_PAGE.matcher(citizen.url());
        assertThat(saved.find()).isTrue();
        assertThat(citizen.locator(".tracking")).hasText(saved.group(1));
        assertThat(citizen.locator(".card").first()).containsText(kelurahan.strip());
        assertThat(citizen.locator(".card").first()).containsText("Depan balai RW 03, Jl. Melati");
    }

    @Test
    void theReportFormWithEverythingItLoadsWeighsLessThan100KilobytesInABrowser() {
        Page citizen = newPage(true);
        List<Request> finished = new ArrayList<>();
        citizen.onRequestFinished(finished::add);
        citizen.navigate(url("/laporan/baru"), new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
        assertThat(citizen.locator("#pick-map.leaflet-container")).isVisible();

        long total = 0;
        StringBuilder lines = new StringBuilder();
        for (Request request : finished) {
            if (request.url().contains("tile.openstreetmap.org")) continue;
            long body = request.sizes().responseBodySize;
            total += body;
            lines.append("  %7d B  %s%n".formatted(body, request.url().replace(url(""), "")));
        }
        System.out.printf("Report form in Chromium: %d requests, %.1f KB transferred (bodies as sent, compressed)%n%s",
                finished.size(), total / 1024.0, lines);
        assertThat(finished).as("the page, its CSS, its scripts and the boundaries it fetches").hasSizeGreaterThanOrEqualTo(5);
        assertThat(total).as("bytes transferred for the report form").isLessThan(PAGE_BUDGET_BYTES);
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private Page newPage(boolean javaScript) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(javaScript)
                .setLocale("id-ID").setViewportSize(1280, 900));
        context.route("**/tile.openstreetmap.org/**", route -> route.abort());
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        return context.newPage();
    }

    private Page loggedIn(String username) {
        Page page = newPage(true);
        page.navigate(url("/staf/masuk"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Masuk").setExact(true)).click();
        page.waitForURL("**/staf");
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
