package id.balai.portal;

import id.balai.organisation.Agency;
import id.balai.organisation.Regions;
import id.balai.platform.BalaiProperties;
import id.balai.platform.storage.FileStorage;
import id.balai.platform.web.PublicPageCache;
import id.balai.reports.ReportCatalogue;
import id.balai.identity.StaffPrincipal;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public pages of every site. The city's are at the root ({@code /berita}), a kelurahan's or an OPD's
 * under its base ({@code /kelurahan/sukamaju/berita}); the same handlers serve both.
 */
@Controller
class PortalController {

    static final String SITE = "/{siteKind:kelurahan|opd}/{siteSlug}";
    static final String KIND = "/{kind:" + ItemKind.SEGMENTS + "}";
    private static final int PAGE_SIZE = 12;

    private final Sites sites;
    private final SiteItems items;
    private final SiteMedia media;
    private final HomeFigures figures;
    private final Regions regions;
    private final ReportCatalogue catalogue;
    private final FileStorage storage;
    private final BalaiProperties properties;
    private final java.time.Clock clock;
    private final SiteEditing editing;

    PortalController(Sites sites, SiteItems items, SiteMedia media, HomeFigures figures, Regions regions, ReportCatalogue catalogue,
            FileStorage storage, BalaiProperties properties, java.time.Clock clock, SiteEditing editing) {
        this.editing = editing;
        this.sites = sites;
        this.items = items;
        this.media = media;
        this.figures = figures;
        this.regions = regions;
        this.catalogue = catalogue;
        this.storage = storage;
        this.properties = properties;
        this.clock = clock;
    }

    /** Every site page is kept for anonymous visitors like the report list; an edit moves PublicContent. */
    @Bean
    static PublicPageCache.Pages portalPages() {
        List<String> city = new ArrayList<>(List.of("/", "/peta", "/peta.json", "/kelurahan", "/opd", "/sitemap.xml", "/rss.xml", "/atom.xml",
                "/agenda.ics"));
        List<String> prefixes = new ArrayList<>(List.of("/kelurahan/", "/opd/"));
        for (ItemKind k : ItemKind.values()) {
            city.add("/" + k.segment());
            prefixes.add("/" + k.segment() + "/");
        }
        return new PublicPageCache.Pages(java.util.Set.copyOf(city), java.util.Set.copyOf(prefixes));
    }

    @GetMapping({"/", SITE})
    String home(@PathVariable(required = false) String siteKind, @PathVariable(required = false) String siteSlug, Model model) {
        Site site = site(siteKind, siteSlug);
        Instant now = clock.instant();
        page(model, site, site.name(), site.tagline(), site.logoId(), site.home());
        model.addAttribute("news", items.visible(site.id(), ItemKind.NEWS, now, null, 0, 3));
        model.addAttribute("events", items.upcoming(site.id(), now, 3));
        model.addAttribute("programmes", items.visible(site.id(), ItemKind.PROGRAMME, now, null, 0, 3));
        model.addAttribute("officials", items.visible(site.id(), ItemKind.OFFICIAL, now, null, 0, 4));
        model.addAttribute("potential", items.newest(site.id(), List.of(ItemKind.TOURISM, ItemKind.UMKM), now, 4));
        model.addAttribute("pages", items.visible(site.id(), ItemKind.PAGE, now, null, 0, 6));
        String kelurahan = site.kind() == SiteKind.KELURAHAN ? site.regionCode() : null;
        if (site.kind() != SiteKind.OPD) model.addAttribute("figures", figures.of(kelurahan));
        if (site.kind() == SiteKind.CITY) {
            model.addAttribute("kelurahanSites", sites.ofKind(SiteKind.KELURAHAN));
            model.addAttribute("categories", catalogue.services());
        }
        return "portal/home";
    }

    @GetMapping({KIND, SITE + KIND})
    String list(@PathVariable(required = false) String siteKind, @PathVariable(required = false) String siteSlug, @PathVariable String kind,
            @RequestParam(name = "kategori", required = false) String category, @RequestParam(name = "halaman", defaultValue = "1") int pageNo,
            Model model) {
        Site site = site(siteKind, siteSlug);
        ItemKind k = ItemKind.ofSegment(kind);
        int current = Math.max(1, Math.min(pageNo, 1000));
        String chosen = category == null || category.isBlank() ? null : category.strip();
        List<SiteItem> found = items.visible(site.id(), k, clock.instant(), chosen, (current - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        page(model, site, null, null, null, site.base() + "/" + k.segment());
        model.addAttribute("kind", k);
        model.addAttribute("items", found.size() > PAGE_SIZE ? found.subList(0, PAGE_SIZE) : found);
        model.addAttribute("hasNext", found.size() > PAGE_SIZE);
        model.addAttribute("page", current);
        model.addAttribute("category", chosen);
        model.addAttribute("categories", items.categories(site.id(), k, clock.instant()));
        return "portal/list";
    }

    @GetMapping({KIND + "/{slug}", SITE + KIND + "/{slug}"})
    String item(@PathVariable(required = false) String siteKind, @PathVariable(required = false) String siteSlug, @PathVariable String kind,
            @PathVariable String slug, Model model) {
        Site site = site(siteKind, siteSlug);
        SiteItem item = items.bySlug(site.id(), ItemKind.ofSegment(kind), slug).filter(i -> i.visibleAt(clock.instant()))
                .orElseThrow(PortalController::notFound);
        return itemPage(site, item, model);
    }

    /** Renders an item's public page (also the editors' preview of a draft). */
    String itemPage(Site site, SiteItem item, Model model) {
        String description = item.content().summary().isEmpty() ? Markdown.plainText(item.content().body(), 200) : item.content().summary();
        page(model, site, item.content().title(), description, item.content().imageId(), item.path(site.base()));
        model.addAttribute("item", item);
        model.addAttribute("now", clock.instant());
        model.addAttribute("kind", item.kind());
        model.addAttribute("html", Markdown.toSafeHtml(item.content().body()));
        SiteMedia.Image image = item.content().imageId() == null ? null : media.byId(item.content().imageId()).orElse(null);
        model.addAttribute("image", image);
        if (image != null) model.addAttribute("srcset", srcset(image));
        return "portal/item";
    }

    /** The three sizes of a library image with their widths, so a phone loads the medium one and a wide screen may take the full one. */
    static String srcset(SiteMedia.Image image) {
        int longSide = Math.max(image.width(), image.height());
        String base = "/situs-media/" + image.id();
        return base + "/kecil " + width(image, Math.min(320, longSide)) + "w, " + base + "/sedang "
                + width(image, Math.min(SiteMedia.MEDIUM_SIDE, longSide)) + "w, " + base + " " + image.width() + "w";
    }

    private static int width(SiteMedia.Image image, int longSide) {
        return (int) Math.round((double) image.width() * longSide / Math.max(image.width(), image.height()));
    }

    @GetMapping({"/peta", SITE + "/peta"})
    String map(@PathVariable(required = false) String siteKind, @PathVariable(required = false) String siteSlug, Model model) {
        Site site = site(siteKind, siteSlug);
        page(model, site, null, null, null, site.base() + "/peta");
        model.addAttribute("places", items.places(site.id(), clock.instant()));
        model.addAttribute("centre", centreOf(site, regions));
        return "portal/map";
    }

    /** The site's places as GeoJSON for the map script (the page lists them too, for readers without it). */
    @GetMapping(value = {"/peta.json", SITE + "/peta.json"}, produces = "application/geo+json")
    @ResponseBody
    Map<String, Object> places(@PathVariable(required = false) String siteKind, @PathVariable(required = false) String siteSlug) {
        Site site = site(siteKind, siteSlug);
        List<Map<String, Object>> features = items.places(site.id(), clock.instant()).stream().map(i -> {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("title", i.content().title());
            props.put("kind", i.kind().segment());
            props.put("category", i.content().category());
            props.put("url", i.path(site.base()));
            return Map.<String, Object>of("type", "Feature", "properties", props,
                    "geometry", Map.of("type", "Point", "coordinates", List.of(i.content().lon(), i.content().lat())));
        }).toList();
        return Map.of("type", "FeatureCollection", "features", features);
    }

    @GetMapping({"/cari", SITE + "/cari"})
    String search(@PathVariable(required = false) String siteKind, @PathVariable(required = false) String siteSlug,
            @RequestParam(name = "q", defaultValue = "") String query, Model model) {
        Site site = site(siteKind, siteSlug);
        String q = query.strip();
        if (q.length() > 100) q = q.substring(0, 100);
        page(model, site, null, null, null, site.base() + "/cari");
        model.addAttribute("q", q);
        model.addAttribute("results", q.isEmpty() ? List.of() : items.search(site.id(), q, clock.instant(), 30));
        return "portal/search";
    }

    /** The site's colours: its brand colour, and black or white text on it, whichever reads better. */
    @GetMapping(value = {"/tema.css", SITE + "/tema.css"}, produces = "text/css")
    ResponseEntity<String> theme(@PathVariable(required = false) String siteKind, @PathVariable(required = false) String siteSlug) {
        Site site = site(siteKind, siteSlug);
        String css = ":root{--brand:" + site.colour() + ";--brand-ink:" + inkOn(site.colour()) + "}\n";
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic()).contentType(new MediaType("text", "css"))
                .body(css);
    }

    @GetMapping("/kelurahan")
    String kelurahanSites(Model model) {
        Site city = site(null, null);
        page(model, city, null, null, null, "/kelurahan");
        model.addAttribute("directory", sites.ofKind(SiteKind.KELURAHAN));
        model.addAttribute("directoryKind", "kelurahan");
        return "portal/sites";
    }

    /** The OPD directory: every agency, with a link to its site where it has one. */
    @GetMapping("/opd")
    String agencies(Model model) {
        Site city = site(null, null);
        page(model, city, null, null, null, "/opd");
        Map<Long, Site> siteOf = sites.ofKind(SiteKind.OPD).stream().filter(s -> s.agencyId() != null)
                .collect(Collectors.toMap(Site::agencyId, Function.identity(), (a, b) -> a));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Agency a : regions.agencies()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("agency", a);
            row.put("site", siteOf.get(a.id()));
            rows.add(row);
        }
        model.addAttribute("agencies", rows);
        return "portal/agencies";
    }

    /** A library image: as stored (up to 2048 px), {@code sedang} (1024 px) or {@code kecil} (320 px). */
    @GetMapping({"/situs-media/{id}", "/situs-media/{id}/{size:sedang|kecil}"})
    ResponseEntity<InputStreamResource> image(@PathVariable long id, @PathVariable(required = false) String size,
            @AuthenticationPrincipal StaffPrincipal staff) throws IOException {
        SiteMedia.Image image = media.byId(id).orElseThrow(PortalController::notFound);
        String key = size == null ? image.fileKey() : size.equals("sedang") ? image.mediumKey() : image.thumbKey();
        return imageFile(image, key, staff);
    }

    /** A document's or form's PDF, counted; only while the item is public. */
    @GetMapping("/unduh/{id}")
    ResponseEntity<InputStreamResource> download(@PathVariable long id) throws IOException {
        SiteItem item = items.byId(id).filter(i -> i.visibleAt(clock.instant()) && i.content().fileKey() != null)
                .orElseThrow(PortalController::notFound);
        if (!storage.exists(item.content().fileKey())) throw notFound();
        items.countDownload(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(item.content().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentLength(storage.size(item.content().fileKey()))
                .body(new InputStreamResource(storage.open(item.content().fileKey())));
    }

    /**
     * An image the public sees (a site's logo, or shown by a published item) is kept by browsers for a month: a
     * stored image never changes, a new upload gets a new id. Any other image of the library (a draft's photo, an
     * upload by mistake) is shown only to the site's editors, and never kept.
     */
    private ResponseEntity<InputStreamResource> imageFile(SiteMedia.Image image, String key, StaffPrincipal staff) throws IOException {
        Site site = sites.byId(image.siteId()).orElseThrow(PortalController::notFound);
        boolean shown = Long.valueOf(image.id()).equals(site.logoId()) || items.imageShown(site.id(), image.id(), clock.instant());
        if (!shown && !editing.canEdit(staff, site)) throw notFound();
        if (!storage.exists(key)) throw notFound();
        CacheControl cache = shown ? CacheControl.maxAge(Duration.ofDays(30)).cachePublic() : CacheControl.noStore();
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff").contentLength(storage.size(key)).body(new InputStreamResource(storage.open(key)));
    }

    /** Where a site's maps open: its kelurahan's centre, else the city's. */
    static id.balai.organisation.GeoPoint centreOf(Site site, Regions regions) {
        return site.regionCode() == null ? regions.centre() : regions.centreOf(site.regionCode()).orElse(regions.centre());
    }

    Site site(String siteKind, String siteSlug) {
        Optional<Site> site = siteKind == null ? sites.city() : sites.find(SiteKind.ofSegment(siteKind), siteSlug);
        return site.orElseThrow(PortalController::notFound);
    }

    /** What the site layout needs: the site, its links, and the tags that describe this page to search engines and share previews. */
    void page(Model model, Site site, String title, String description, Long imageId, String path) {
        String url = properties.publicBaseUrl().replaceAll("/+$", "") + path;
        model.addAttribute("site", site);
        model.addAttribute("base", site.base());
        model.addAttribute("zone", properties.timeZone());
        model.addAttribute("pageTitle", title);
        model.addAttribute("description", description == null || description.isBlank() ? site.tagline() : description);
        model.addAttribute("canonical", url);
        model.addAttribute("ogImage", imageId == null ? (site.logoId() == null ? null : absolute("/situs-media/" + site.logoId()))
                : absolute("/situs-media/" + imageId));
        String text = (title == null ? site.name() : title + " · " + site.name());
        model.addAttribute("share", List.of(
                Map.of("name", "WhatsApp", "href", "https://wa.me/?text=" + enc(text + " " + url)),
                Map.of("name", "Telegram", "href", "https://t.me/share/url?url=" + enc(url) + "&text=" + enc(text)),
                Map.of("name", "Facebook", "href", "https://www.facebook.com/sharer/sharer.php?u=" + enc(url)),
                Map.of("name", "X", "href", "https://x.com/intent/post?url=" + enc(url) + "&text=" + enc(text))));
        model.addAttribute("kindsWithContent", List.of(ItemKind.values()));
    }

    private String absolute(String path) {
        return properties.publicBaseUrl().replaceAll("/+$", "") + path;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Black or white, whichever has more contrast on the colour (WCAG relative luminance). */
    static String inkOn(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        double l = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? "#000" : "#fff";
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
