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
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.identity.StaffRole;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Regions;
import id.balai.support.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A kelurahan's admin, on a phone-sized screen in a real browser (Debian's Chromium driven by Playwright),
 * puts a local business on their kelurahan's site: title, summary, WhatsApp number, a camera photo and a
 * point tapped on the map. A visitor then finds it on the home page, in the UMKM list, on its own page with
 * the photo and the WhatsApp link, as a marker on the site's map and through the site's search; the lurah of
 * another kelurahan may not open this site's dashboard. Map tiles come from the internet and are blocked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KelurahanSiteBrowserTest {

    static final Pattern SAVED_ITEM = Pattern.compile("/staf/situs/(\\d+)/isi/(\\d+)$");
    static Playwright playwright;
    static Browser browser;

    @LocalServerPort int port;
    @Autowired StaffDirectory staffDirectory;
    @Autowired JdbcClient jdbc;
    @Autowired Regions regions;
    @TempDir Path tempDir;

    final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void launchChromium() {
        CitizenToResolutionBrowserTest.requireChromium();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CitizenToResolutionBrowserTest.CHROMIUM).setHeadless(true)
                .setArgs(CitizenToResolutionBrowserTest.CHROMIUM_ARGS));
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
    void aKelurahanAdminPutsALocalBusinessWithPhotoAndMapPointOnTheirSiteAndVisitorsFindItEverywhere() throws IOException {
        List<StaffPrincipal> lurahs = staffDirectory.withRole(StaffRole.LURAH);
        assertThat(lurahs).as("the demo city's lurah accounts").hasSizeGreaterThanOrEqualTo(2);
        StaffPrincipal lurah = lurahs.get(0);
        StaffPrincipal otherLurah = lurahs.get(1);
        long siteId = jdbc.sql("select id from site where region_code = ?").param(lurah.regionCode()).query(Long.class).single();
        String siteName = jdbc.sql("select name from site where id = ?").param(siteId).query(String.class).single();
        String base = "/kelurahan/" + jdbc.sql("select slug from site where id = ?").param(siteId).query(String.class).single();
        GeoPoint kelurahanCentre = regions.centreOf(lurah.regionCode()).orElseThrow();

        // The home page shows the newest tourism and UMKM, so a new listing is there at once.
        String title = "Angkringan Wedangan Pak Harjo";
        String summary = "Nasi kucing, sate usus dan wedang jahe; buka sampai tengah malam di depan balai RW.";
        Path photo = tempDir.resolve("angkringan.jpg");
        Files.write(photo, TestImages.withExif(TestImages.jpeg(800, 600), 1, kelurahanCentre.lat(), kelurahanCentre.lon()));

        // --- the lurah logs in on a phone and opens their site's dashboard ------------------------------
        Page admin = loggedIn(lurah.username(), true);
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kelola situs web")).click();
        admin.waitForURL("**/staf/situs");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(siteName).setExact(true)).click();
        admin.waitForURL("**/staf/situs/" + siteId);
        assertThat(admin.locator("h1")).hasText(siteName);

        // --- adds a UMKM listing --------------------------------------------------------------------------
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tambah: UMKM").setExact(true)).click();
        admin.waitForURL("**/staf/situs/" + siteId + "/baru/umkm");
        admin.locator("#title").fill(title);
        admin.locator("#category").fill("kuliner");
        admin.locator("#summary").fill(summary);
        admin.locator("#place").fill("Depan balai RW 02");
        admin.locator("#whatsapp").fill("0812-2700-5505");
        admin.locator("#openingHours").fill("Setiap hari 17.00–24.00");
        admin.locator("#image").setInputFiles(photo);

        // The point: the pin map opens on the kelurahan; one tap in its middle sets the point there.
        Locator pinMap = admin.locator("#pin-map.leaflet-container");
        assertThat(pinMap).isVisible();
        assertThat(admin.locator("#lat")).hasValue("");
        assertThat(admin.locator("#lon")).hasValue("");
        assertThat(admin.locator("#pin-map .leaflet-marker-icon")).hasCount(0);
        var box = pinMap.boundingBox();
        pinMap.click(new Locator.ClickOptions().setPosition(box.width / 2, box.height / 2));
        assertThat(admin.locator("#lat")).not().hasValue("");
        assertThat(admin.locator("#lon")).not().hasValue("");
        assertThat(admin.locator("#pin-map .leaflet-marker-icon")).hasCount(1);
        double pinLat = Double.parseDouble(admin.inputValue("#lat"));
        double pinLon = Double.parseDouble(admin.inputValue("#lon"));
        // A pixel at zoom 16 is about 2 metres; the kelurahan is some 2 km across.
        assertThat(pinLat).as("latitude of the tapped point").isCloseTo(kelurahanCentre.lat(), within(0.0003));
        assertThat(pinLon).as("longitude of the tapped point").isCloseTo(kelurahanCentre.lon(), within(0.0003));

        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terbitkan").setExact(true)).click();
        admin.waitForURL(SAVED_ITEM);
        Matcher saved = SAVED_ITEM.matcher(admin.url());
        assertThat(saved.find()).isTrue();
        assertThat(Long.parseLong(saved.group(1))).isEqualTo(siteId);
        assertThat(admin.locator(".notice")).hasText("Tersimpan dan tampil di situs.");
        assertThat(admin.locator("#title")).hasValue(title);
        assertThat(Double.parseDouble(admin.inputValue("#lat"))).as("the point is kept").isCloseTo(pinLat, within(1e-6));
        assertThat(admin.locator("#item-form img[src*='/situs-media/']")).hasCount(1); // the photo is kept
        String slug = jdbc.sql("select slug from site_item where id = ?").param(Long.parseLong(saved.group(2))).query(String.class).single();
        String itemPath = base + "/umkm/" + slug;

        // --- a visitor finds it on the kelurahan's home page and in the UMKM list -------------------------
        Page visitor = newPage(true);
        visitor.navigate(url(base));
        assertThat(visitor.locator("h1")).hasText(siteName);
        assertThat(visitor.locator("main a[href='" + itemPath + "']")).hasText(title);

        visitor.navigate(url(base + "/umkm"));
        Locator listed = visitor.locator("main .items a[href='" + itemPath + "']");
        assertThat(listed).hasText(title);
        listed.click();
        visitor.waitForURL("**" + itemPath);

        // --- its own page: the photo, the summary, the WhatsApp link, a small map -------------------------
        assertThat(visitor.locator("article h1")).hasText(title);
        assertThat(visitor.locator("article .lead")).hasText(summary);
        Locator image = visitor.locator("figure.item-image img");
        assertThat(image).isVisible();
        visitor.waitForFunction("img => img.complete && img.naturalWidth > 0", image.elementHandle());
        assertThat(((Number) image.evaluate("img => img.naturalWidth")).intValue()).as("the photo's width as decoded").isPositive();
        Locator whatsapp = visitor.locator("article a[href='https://wa.me/6281227005505']");
        assertThat(whatsapp).isVisible();
        assertThat(whatsapp).hasText("+6281227005505");
        assertThat(visitor.locator("#report-map .leaflet-marker-icon")).hasCount(1);

        // --- the site's map has a marker for it -------------------------------------------------------------
        visitor.navigate(url(base + "/peta"));
        Locator marker = visitor.locator(".leaflet-marker-icon[title='" + title + "']");
        assertThat(marker).isVisible();
        assertThat(marker).hasAttribute("alt", title);
        marker.click();
        Locator popupLink = visitor.locator(".leaflet-popup-content a");
        assertThat(popupLink).hasText(title);
        assertThat(popupLink).hasAttribute("href", itemPath);
        assertThat(visitor.locator("main .items a[href='" + itemPath + "']")).hasText(title); // the list beside the map

        // --- and the site's search ---------------------------------------------------------------------------
        visitor.navigate(url(base));
        visitor.locator("#site-q").fill("wedangan");
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cari").setExact(true)).click();
        visitor.waitForURL(Pattern.compile(Pattern.quote(base + "/cari?q=wedangan") + "$"));
        assertThat(visitor.locator("main .items a[href='" + itemPath + "']")).hasText(title);

        // --- another kelurahan's lurah may not open this site's dashboard ------------------------------------
        Page other = loggedIn(otherLurah.username(), false);
        Response refused = other.navigate(url("/staf/situs/" + siteId));
        assertThat(refused.status()).as("another lurah opening this site's dashboard").isEqualTo(403);
        other.navigate(url("/staf/situs"));
        assertThat(other.locator("a[href='/staf/situs/" + siteId + "']")).hasCount(0);
        Response refusedForm = other.navigate(url("/staf/situs/" + siteId + "/baru/umkm"));
        assertThat(refusedForm.status()).as("another lurah opening this site's new-item form").isEqualTo(403);
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private Page newPage(boolean phone) {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setLocale("id-ID");
        options = phone ? options.setViewportSize(360, 740).setDeviceScaleFactor(2) : options.setViewportSize(1280, 900);
        BrowserContext context = browser.newContext(options);
        context.route("**/tile.openstreetmap.org/**", route -> route.abort());
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        return context.newPage();
    }

    private Page loggedIn(String username, boolean phone) {
        Page page = newPage(phone);
        page.navigate(url("/staf/masuk"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(CitizenToResolutionBrowserTest.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Masuk").setExact(true)).click();
        page.waitForURL("**/staf");
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
