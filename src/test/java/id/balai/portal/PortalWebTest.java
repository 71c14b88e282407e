package id.balai.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.identity.StaffRole;
import id.balai.support.TestImages;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The sites as their editors and visitors use them: who may edit what, content that cannot carry script,
 * versions and restoring, two editors at once, scheduled publishing, uploads judged by their bytes, search
 * and the feeds.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PortalWebTest {

    @Autowired MockMvc mvc;
    @Autowired StaffDirectory staff;
    @Autowired JdbcClient jdbc;

    StaffPrincipal cityAdmin;
    StaffPrincipal lurah;
    StaffPrincipal otherLurah;
    long ownSite;
    String ownBase;
    long otherSite;
    long citySite;

    @BeforeEach
    void demoCity() {
        cityAdmin = staff.byUsername("admin").orElseThrow();
        List<StaffPrincipal> lurahs = staff.withRole(StaffRole.LURAH);
        lurah = lurahs.get(0);
        otherLurah = lurahs.get(1);
        ownSite = siteOf(lurah.regionCode());
        otherSite = siteOf(otherLurah.regionCode());
        citySite = jdbc.sql("select id from site where kind = 'CITY'").query(Long.class).single();
        ownBase = "/kelurahan/" + jdbc.sql("select slug from site where id = ?").param(ownSite).query(String.class).single();
    }

    @Test
    void everySiteHasAHomePageWithItsReportsAndAButtonToReport() throws Exception {
        String city = page(get("/"), 200);
        assertThat(city).contains("Kota Astina", "Buat laporan", "/laporan/baru", "Laporan publik", "og:title", "rel=\"canonical\"");
        String kelurahan = page(get(ownBase), 200);
        String name = jdbc.sql("select name from site where id = ?").param(ownSite).query(String.class).single();
        assertThat(kelurahan).contains("<h1>" + name + "</h1>", "Laporan publik", "/laporan/baru", "/laporan?kelurahan=" + lurah.regionCode());
        assertThat(page(get("/kelurahan/tidak-ada"), 404)).isNotNull();
        assertThat(page(get("/opd"), 200)).contains("Dinas Pekerjaan Umum dan Penataan Ruang", "/opd/dpupr");
        assertThat(page(get("/kelurahan"), 200)).contains(ownBase);
    }

    @Test
    void aKelurahanAdminEditsOnlyTheirOwnSite() throws Exception {
        perform(newItem(ownSite, "umkm", Map.of("title", "Warung Sate Pak Min", "status", "PUBLISHED")).with(user(lurah)), 302);
        perform(newItem(otherSite, "umkm", Map.of("title", "Warung Orang Lain", "status", "PUBLISHED")).with(user(lurah)), 403);
        perform(newItem(citySite, "berita", Map.of("title", "Berita palsu", "status", "PUBLISHED")).with(user(lurah)), 403);
        perform(get("/staf/situs/" + otherSite).with(user(lurah)), 403);
        perform(get("/staf/situs/" + citySite + "/pengaturan").with(user(lurah)), 403);
        perform(post("/staf/situs/" + otherSite + "/pengaturan").param("version", "1").param("name", "Diambil alih").param("colour", "#000000")
                .with(user(lurah)).with(csrf()), 403);
        long otherItem = jdbc.sql("select min(id) from site_item where site_id = ?").param(otherSite).query(Long.class).single();
        perform(post("/staf/situs/" + ownSite + "/isi/" + otherItem).param("version", "1").param("title", "Lewat situs sendiri")
                .with(user(lurah)).with(csrf()), 404);
        perform(post("/staf/situs/" + otherSite + "/isi/" + otherItem + "/riwayat/1").with(user(lurah)).with(csrf()), 403);
        // naming editors and sites is the city admin's
        perform(post("/staf/situs/" + ownSite + "/editor").param("username", otherLurah.username()).with(user(lurah)).with(csrf()), 403);
        perform(post("/staf/situs").param("kind", "KELURAHAN").param("slug", "baru").param("name", "Baru").with(user(lurah)).with(csrf()), 403);
        assertThat(count("select count(*) from site_item where title in ('Warung Orang Lain', 'Berita palsu', 'Lewat situs sendiri')")).isZero();
        assertThat(count("select count(*) from site where name = 'Diambil alih'")).isZero();
        // the staff page lists only their own site; the city admin sees and edits every one
        assertThat(page(get("/staf/situs").with(user(lurah)), 200)).contains("/staf/situs/" + ownSite + "\"")
                .doesNotContain("/staf/situs/" + otherSite + "\"");
        perform(newItem(otherSite, "berita", Map.of("title", "Dari admin kota", "status", "PUBLISHED")).with(user(cityAdmin)), 302);
        // not logged in: the log-in page
        assertThat(mvc.perform(get("/staf/situs/" + ownSite)).andReturn().getResponse().getRedirectedUrl()).contains("/staf/masuk");
    }

    @Test
    void scriptTypedIntoContentNeverReachesAVisitor() throws Exception {
        Map<String, String> form = Map.of("title", "Pengumuman <script>alert(1)</script>", "status", "PUBLISHED", "summary", "<img src=x onerror=alert(2)>",
                "body", "Halo <script>alert(3)</script>\n\n<a href=\"javascript:alert(4)\">klik</a> [tautan](javascript:alert(5)) "
                        + "<div onclick=\"alert(6)\">x</div>\n\n**tebal** [aman](https://astinakota.go.id)");
        String location = perform(newItem(ownSite, "berita", form).with(user(lurah)), 302).getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String slug = jdbc.sql("select slug from site_item where id = ?").param(id).query(String.class).single();
        String page = page(get(ownBase + "/berita/" + slug), 200);
        assertThat(page).contains("<strong>tebal</strong>", "href=\"https://astinakota.go.id\"", "&lt;script&gt;alert(1)&lt;/script&gt;");
        MarkdownTest.assertHarmless(org.jsoup.Jsoup.parse(page).select("article").outerHtml());
        assertThat(org.jsoup.Jsoup.parse(page).select("script:not([src]), [onerror], [onclick]")).isEmpty();
        assertThat(Markdown.toSafeHtml("<iframe src=https://evil.example></iframe>")).doesNotContain("<iframe");
    }

    @Test
    void everySaveIsAVersionAndAnOldOneCanBeRestored() throws Exception {
        long id = create(ownSite, "halaman", Map.of("title", "Sejarah", "slug", "sejarah", "body", "Versi pertama", "status", "PUBLISHED"));
        update(id, 1, Map.of("title", "Sejarah", "slug", "sejarah", "body", "Versi kedua", "status", "PUBLISHED"), 302);
        assertThat(page(get(ownBase + "/halaman/sejarah"), 200)).contains("Versi kedua");
        assertThat(page(get("/staf/situs/" + ownSite + "/isi/" + id + "/riwayat").with(user(lurah)), 200)).contains(lurah.fullName());
        perform(post("/staf/situs/" + ownSite + "/isi/" + id + "/riwayat/1").param("expected", "2").with(user(lurah)).with(csrf()), 302);
        assertThat(page(get(ownBase + "/halaman/sejarah"), 200)).contains("Versi pertama").doesNotContain("Versi kedua");
        assertThat(count("select count(*) from site_item_version where item_id = " + id)).isEqualTo(3);
        assertThat(jdbc.sql("select note from site_item_version where item_id = ? and version = 3").param(id).query(String.class).single())
                .isEqualTo("restored:1");
        // a restore from a history page opened before somebody else's save does not overwrite that save
        update(id, 3, Map.of("title", "Sejarah", "slug", "sejarah", "body", "Versi editor lain", "status", "PUBLISHED"), 302);
        String refused = mvc.perform(post("/staf/situs/" + ownSite + "/isi/" + id + "/riwayat/2").param("expected", "3").with(user(cityAdmin))
                .with(csrf())).andReturn().getFlashMap().get("flashError").toString();
        assertThat(refused).isEqualTo("item.error.restore-conflict");
        assertThat(page(get(ownBase + "/halaman/sejarah"), 200)).contains("Versi editor lain");
        assertThat(count("select count(*) from site_item_version where item_id = " + id)).isEqualTo(4);
    }

    @Test
    void aSecondEditorIsToldInsteadOfOverwritingTheFirst() throws Exception {
        long id = create(ownSite, "halaman", Map.of("title", "Visi", "slug", "visi", "body", "Awal", "status", "PUBLISHED"));
        update(id, 1, Map.of("title", "Visi", "slug", "visi", "body", "Tulisan editor pertama", "status", "PUBLISHED"), 302);
        String refused = page(multipart("/staf/situs/" + ownSite + "/isi/" + id).param("version", "1").param("title", "Visi").param("slug", "visi")
                .param("body", "Tulisan editor kedua").param("status", "PUBLISHED").with(user(cityAdmin)).with(csrf()), 409);
        assertThat(refused).contains("Orang lain menyimpan", "Tulisan editor pertama", "Tulisan editor kedua");
        assertThat(jdbc.sql("select body from site_item where id = ?").param(id).query(String.class).single()).isEqualTo("Tulisan editor pertama");
    }

    @Test
    void aScheduledItemWaitsForItsTimeButItsEditorsCanPreviewIt() throws Exception {
        String later = LocalDateTime.now(ZoneId.of("Asia/Jakarta")).plusDays(2).withSecond(0).withNano(0).toString();
        long id = create(ownSite, "berita", Map.of("title", "Berita besok lusa", "slug", "besok-lusa", "status", "PUBLISHED", "publishAt", later));
        perform(get(ownBase + "/berita/besok-lusa"), 404);
        assertThat(page(get(ownBase + "/berita"), 200)).doesNotContain("Berita besok lusa");
        assertThat(page(get(ownBase + "/rss.xml"), 200)).doesNotContain("Berita besok lusa");
        assertThat(page(get("/staf/situs/" + ownSite + "/isi/" + id + "/pratinjau").with(user(lurah)), 200)).contains("Pratinjau", "Berita besok lusa");
        perform(get("/staf/situs/" + ownSite + "/isi/" + id + "/pratinjau").with(user(otherLurah)), 403);
        for (String path : List.of(ownBase, ownBase + "/atom.xml", ownBase + "/peta.json", "/sitemap.xml")) {
            assertThat(page(get(path), 200)).as(path).doesNotContain("besok-lusa", "Berita besok lusa");
        }
        create(ownSite, "berita", Map.of("title", "Draf rahasia", "slug", "draf", "status", "DRAFT"));
        perform(get(ownBase + "/berita/draf"), 404);
        assertThat(page(get(ownBase + "/cari").param("q", "rahasia"), 200)).doesNotContain("Draf rahasia");
        assertThat(page(get("/staf/situs/" + ownSite + "/isi/" + id + "/pratinjau").with(user(lurah)), 200)).contains("Terjadwal");
    }

    @Test
    void uploadsAreJudgedByTheirBytesAndARefusalKeepsNothing() throws Exception {
        long before = count("select count(*) from site_item");
        long media = count("select count(*) from site_media");
        String refused = page(newItem(ownSite, "umkm", Map.of("title", "Toko Foto Palsu", "status", "PUBLISHED"))
                .file(new MockMultipartFile("image", "foto.jpg", "image/jpeg", "<?php echo 1; ?>".getBytes(StandardCharsets.UTF_8)))
                .with(user(lurah)), 422);
        assertThat(refused).contains("bukan foto", "Toko Foto Palsu");
        String twoProblems = page(newItem(ownSite, "umkm", Map.of("title", "", "status", "PUBLISHED"))
                .file(new MockMultipartFile("image", "foto.jpg", "image/jpeg", "GIF89a bukan foto".getBytes(StandardCharsets.UTF_8)))
                .with(user(lurah)), 422);
        assertThat(twoProblems).as("the photo is judged at once, beside the text").contains("Isi judul", "bukan foto");
        String notPdf = page(newItem(ownSite, "dokumen", Map.of("title", "Perda", "status", "PUBLISHED"))
                .file(new MockMultipartFile("file", "perda.pdf", "application/pdf", TestImages.png(20, 20))).with(user(lurah)), 422);
        assertThat(notPdf).contains("bukan PDF");
        page(newItem(ownSite, "dokumen", Map.of("title", "Perda tanpa berkas", "status", "PUBLISHED")).with(user(lurah)), 422);
        String badFields = page(newItem(ownSite, "umkm", Map.of("title", "", "status", "PUBLISHED", "lat", "-7.5", "whatsapp", "bukan nomor",
                "website", "javascript:alert(1)")).with(user(lurah)), 422);
        assertThat(badFields).contains("Isi judul", "Isi lintang dan bujur", "Nomor WhatsApp tidak dapat dibaca", "Alamat situs harus");
        assertThat(count("select count(*) from site_item")).isEqualTo(before);
        assertThat(count("select count(*) from site_media")).isEqualTo(media);
    }

    @Test
    void aPublishedListingWithPhotoAndPointIsOnTheSiteItsMapAndInSearch() throws Exception {
        byte[] photo = TestImages.withExif(TestImages.jpeg(800, 600), 1, -7.55, 110.82);
        long id = create(ownSite, "umkm", Map.of("title", "Soto Kwali Bu Tini", "status", "PUBLISHED", "category", "kuliner",
                "summary", "Soto ayam kampung di kwali tanah liat.", "whatsapp", "0812-3456-7890", "lat", "-7,5612", "lon", "110.8123"),
                new MockMultipartFile("image", "soto.jpg", "image/jpeg", photo));
        String slug = jdbc.sql("select slug from site_item where id = ?").param(id).query(String.class).single();
        assertThat(slug).isEqualTo("soto-kwali-bu-tini");
        String item = page(get(ownBase + "/umkm/" + slug), 200);
        assertThat(item).contains("Soto Kwali Bu Tini", "https://wa.me/6281234567890", "/situs-media/", "data-lat=\"-7.5612\"", "og:image");
        Long imageId = jdbc.sql("select image_id from site_item where id = ?").param(id).query(Long.class).single();
        assertThat(item).contains("/situs-media/" + imageId + "/sedang", "/situs-media/" + imageId + "/kecil 320w", "/situs-media/" + imageId + " 800w");
        byte[] stored = mvc.perform(get("/situs-media/" + imageId)).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain(TestImages.CAMERA_MAKE);
        assertThat(page(get(ownBase + "/peta.json"), 200)).contains("Soto Kwali Bu Tini", "110.8123", "-7.5612");
        assertThat(page(get(ownBase + "/peta"), 200)).contains("Soto Kwali Bu Tini");
        assertThat(page(get(ownBase + "/cari").param("q", "soto kwali"), 200)).contains(ownBase + "/umkm/soto-kwali-bu-tini");
        assertThat(page(get(ownBase + "/cari").param("q", "soto rendang"), 200)).doesNotContain("Soto Kwali Bu Tini");
        assertThat(page(get("/sitemap.xml"), 200)).contains(ownBase + "/umkm/soto-kwali-bu-tini");
    }

    @Test
    void aPhotoChosenWithAFormThatCameBackIsKeptAndWhereItWasTakenBecomesThePoint() throws Exception {
        byte[] photo = TestImages.withExif(TestImages.jpeg(640, 480), 1, -6.9611, 110.0911);
        String refused = page(newItem(ownSite, "umkm", Map.of("title", "", "status", "PUBLISHED", "summary", "Gorengan hangat"))
                .file(new MockMultipartFile("image", "warung.jpg", "image/jpeg", photo)).with(user(lurah)), 422);
        java.util.regex.Matcher kept = java.util.regex.Pattern.compile("name=\"imageId\" value=\"(\\d+)\"").matcher(refused);
        assertThat(kept.find()).as("the photo is kept with the form").isTrue();
        assertThat(refused).contains("tidak perlu memilihnya lagi");
        String saved = perform(newItem(ownSite, "umkm", Map.of("title", "Gorengan Mbak Yu", "status", "PUBLISHED", "imageId", kept.group(1)))
                .with(user(lurah)), 302).getRedirectedUrl();
        long id = Long.parseLong(saved.substring(saved.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select image_id from site_item where id = ?").param(id).query(Long.class).single()).isEqualTo(Long.parseLong(kept.group(1)));
        // a photo with a camera position and no point typed: the point is where it was taken
        long other = create(ownSite, "umkm", Map.of("title", "Tambal Ban Pak Darto", "status", "PUBLISHED"),
                new MockMultipartFile("image", "ban.jpg", "image/jpeg", photo));
        assertThat(jdbc.sql("select lat from site_item where id = ?").param(other).query(Double.class).single()).isCloseTo(-6.9611, org.assertj.core.data.Offset.offset(1e-4));
        // an image of another site cannot be borrowed by its id
        perform(multipart("/staf/situs/" + otherSite + "/media").file(new MockMultipartFile("image", "lain.png", "image/png", TestImages.png(64, 64)))
                .param("alt", "Foto kelurahan lain").with(user(cityAdmin)).with(csrf()), 302);
        long foreign = jdbc.sql("select max(id) from site_media where site_id = ?").param(otherSite).query(Long.class).single();
        assertThat(page(newItem(ownSite, "umkm", Map.of("title", "Pinjam foto", "status", "PUBLISHED", "imageId", String.valueOf(foreign)))
                .with(user(lurah)), 422)).contains("Foto tidak ditemukan");
    }

    @Test
    void aLibraryImageIsPublicOnlyOnceAPublishedItemShowsItAndPhonesGetAMediumCopy() throws Exception {
        long draft = create(ownSite, "berita", Map.of("title", "Foto draf", "status", "DRAFT"),
                new MockMultipartFile("image", "besar.jpg", "image/jpeg", TestImages.jpeg(TestImages.halves(2000, 1500, TestImages.RED, TestImages.BLUE))));
        long imageId = jdbc.sql("select image_id from site_item where id = ?").param(draft).query(Long.class).single();
        perform(get("/situs-media/" + imageId), 404);
        perform(get("/situs-media/" + imageId + "/kecil"), 404);
        perform(get("/situs-media/" + imageId).with(user(otherLurah)), 404);
        MockHttpServletResponse forEditor = perform(get("/situs-media/" + imageId).with(user(lurah)), 200);
        assertThat(forEditor.getHeader("Cache-Control")).contains("no-store");
        update(draft, 1, Map.of("title", "Foto draf", "slug", "foto-draf", "status", "PUBLISHED"), 302);
        MockHttpServletResponse full = perform(get("/situs-media/" + imageId), 200);
        assertThat(full.getHeader("Cache-Control")).contains("public");
        byte[] medium = perform(get("/situs-media/" + imageId + "/sedang"), 200).getContentAsByteArray();
        assertThat(TestImages.read(medium).getWidth()).isEqualTo(1024);
        assertThat(medium.length).isLessThan(full.getContentAsByteArray().length);
        assertThat(TestImages.read(perform(get("/situs-media/" + imageId + "/kecil"), 200).getContentAsByteArray()).getWidth()).isEqualTo(320);
        // used in the text of a page: kept in the library
        create(ownSite, "halaman", Map.of("title", "Galeri", "status", "DRAFT", "body", "![foto](/situs-media/" + imageId + ")"));
        update(draft, 2, Map.of("title", "Foto draf", "slug", "foto-draf", "status", "PUBLISHED", "removeImage", "on"), 302); // the news item lets it go
        assertThat(mvc.perform(post("/staf/situs/" + ownSite + "/media/" + imageId + "/hapus").with(user(lurah)).with(csrf()))
                .andReturn().getFlashMap().get("flashError")).isEqualTo("media.error.in-use");
    }

    @Test
    void theEditorIsToldWhetherASaveIsLiveScheduledOrADraft() throws Exception {
        perform(newItem(ownSite, "berita", Map.of("title", "Draf saja", "status", "DRAFT")).with(user(lurah)), 302);
        String draft = mvc.perform(newItem(ownSite, "berita", Map.of("title", "Draf lagi", "status", "DRAFT")).with(user(lurah)))
                .andReturn().getFlashMap().get("flash").toString();
        assertThat(draft).isEqualTo("item.flash.draft");
        String live = mvc.perform(newItem(ownSite, "berita", Map.of("title", "Langsung tayang", "status", "PUBLISHED")).with(user(lurah)))
                .andReturn().getFlashMap().get("flash").toString();
        assertThat(live).isEqualTo("item.flash.live");
        String later = LocalDateTime.now(ZoneId.of("Asia/Jakarta")).plusDays(1).withSecond(0).withNano(0).toString();
        String scheduled = mvc.perform(newItem(ownSite, "berita", Map.of("title", "Besok tayang", "status", "PUBLISHED", "publishAt", later))
                .with(user(lurah))).andReturn().getFlashMap().get("flash").toString();
        assertThat(scheduled).isEqualTo("item.flash.scheduled");
    }

    @Test
    void anEditIsVisibleToTheNextVisitorEvenWhenThePageWasKept() throws Exception {
        long id = create(ownSite, "halaman", Map.of("title", "Jam layanan", "slug", "jam-layanan", "body", "Buka pukul 08.00", "status", "PUBLISHED"));
        assertThat(page(get(ownBase + "/halaman/jam-layanan"), 200)).contains("Buka pukul 08.00");
        assertThat(page(get(ownBase + "/halaman/jam-layanan"), 200)).contains("Buka pukul 08.00"); // kept now
        update(id, 1, Map.of("title", "Jam layanan", "slug", "jam-layanan", "body", "Buka pukul 07.30", "status", "PUBLISHED"), 302);
        assertThat(page(get(ownBase + "/halaman/jam-layanan"), 200)).contains("Buka pukul 07.30");
    }

    @Test
    void eventsAreACalendarFeedAndNewsAreRssAndAtom() throws Exception {
        create(ownSite, "agenda", Map.of("title", "Posyandu balita, timbang dan imunisasi; bawa buku KIA", "status", "PUBLISHED",
                "startsAt", LocalDateTime.now(ZoneId.of("Asia/Jakarta")).plusDays(3).withHour(8).withMinute(0).withSecond(0).withNano(0).toString(),
                "place", "Balai RW 03", "summary", "Layanan rutin bulanan untuk balita dan ibu hamil di RW 03, dengan kader posyandu."));
        create(ownSite, "berita", Map.of("title", "Lomba kebersihan antar-RW", "status", "PUBLISHED", "summary", "Pemenang diumumkan."));
        String ics = page(get(ownBase + "/agenda.ics"), 200);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VEVENT", "SUMMARY:Posyandu balita\\, timbang dan imunisasi\\; bawa buku KIA",
                "LOCATION:Balai RW 03", "END:VCALENDAR");
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(page(get(ownBase + "/rss.xml"), 200)).contains("<rss version=\"2.0\"", "Lomba kebersihan antar-RW");
        assertThat(page(get(ownBase + "/atom.xml"), 200)).contains("http://www.w3.org/2005/Atom", "Lomba kebersihan antar-RW");
        assertThat(page(get("/robots.txt"), 200)).contains("Sitemap: ");
    }

    @Test
    void siteSettingsAreCheckedVersionedAndRestorable() throws Exception {
        int version = jdbc.sql("select version from site where id = ?").param(ownSite).query(Integer.class).single();
        String refused = page(multipart("/staf/situs/" + ownSite + "/pengaturan").param("version", String.valueOf(version)).param("name", "Kel. Baru")
                .param("colour", "merah").param("menu", "Jahat | javascript:alert(1)").param("social", "http://tidak-aman.example")
                .with(user(lurah)).with(csrf()), 422);
        assertThat(refused).contains("#RRGGBB", "Label | /alamat", "https://");
        perform(multipart("/staf/situs/" + ownSite + "/pengaturan").param("version", String.valueOf(version)).param("name", "Kelurahan Baru Sekali")
                .param("colour", "#FFD700").param("menu", "UMKM | /umkm\nInstagram | https://instagram.com/kel").param("social", "https://instagram.com/kel")
                .with(user(lurah)).with(csrf()), 302);
        String home = page(get(ownBase), 200);
        assertThat(home).contains("Kelurahan Baru Sekali", "https://instagram.com/kel");
        assertThat(page(get(ownBase + "/tema.css"), 200)).contains("--brand:#ffd700", "--brand-ink:#000");
        String late = page(multipart("/staf/situs/" + ownSite + "/pengaturan").param("version", String.valueOf(version)).param("name", "Nama dari editor lain")
                .param("colour", "#112233").with(user(cityAdmin)).with(csrf()), 409);
        assertThat(late).contains("Orang lain menyimpan", "Nama dari editor lain", "value=\"" + (version + 1) + "\"");
        perform(post("/staf/situs/" + ownSite + "/pengaturan/riwayat/" + version).param("expected", String.valueOf(version + 1))
                .with(user(lurah)).with(csrf()), 302);
        assertThat(page(get(ownBase), 200)).doesNotContain("Kelurahan Baru Sekali");
    }

    @Test
    void aSiteWithItsOwnHostNameIsServedAtThatHostsRoot() throws Exception {
        perform(post("/staf/situs/" + ownSite + "/host").param("host", "kelurahan-uji.astinakota.go.id").with(user(lurah)).with(csrf()), 403);
        perform(post("/staf/situs/" + ownSite + "/host").param("host", "bukan host!").with(user(cityAdmin)).with(csrf()), 302);
        assertThat(jdbc.sql("select host from site where id = ?").param(ownSite).query(String.class).optional()).isEmpty();
        perform(post("/staf/situs/" + ownSite + "/host").param("host", "Kelurahan-Uji.AstinaKota.go.id").with(user(cityAdmin)).with(csrf()), 302);
        String name = jdbc.sql("select name from site where id = ?").param(ownSite).query(String.class).single();
        assertThat(page(get("/").header("Host", "kelurahan-uji.astinakota.go.id"), 200)).contains("<h1>" + name + "</h1>");
        assertThat(page(get("/umkm").header("Host", "kelurahan-uji.astinakota.go.id"), 200)).contains(ownBase + "/umkm/");
        assertThat(page(get(ownBase + "/berita").header("Host", "kelurahan-uji.astinakota.go.id"), 200)).contains(name);
        // other hosts and the rest of Balai are untouched
        assertThat(page(get("/").header("Host", "localhost"), 200)).contains("<h1>Kota Astina</h1>").doesNotContain("<h1>" + name + "</h1>");
        assertThat(page(get("/laporan").header("Host", "kelurahan-uji.astinakota.go.id"), 200)).isNotEmpty();
        perform(post("/staf/situs/" + ownSite + "/host").param("host", "").with(user(cityAdmin)).with(csrf()), 302);
        assertThat(page(get("/").header("Host", "kelurahan-uji.astinakota.go.id"), 200)).doesNotContain("<h1>" + name + "</h1>");
    }

    // --- helpers

    private long siteOf(String regionCode) {
        return jdbc.sql("select id from site where region_code = ?").param(regionCode).query(Long.class).single();
    }

    private MockMultipartHttpServletRequestBuilder newItem(long site, String kind, Map<String, String> form) {
        MockMultipartHttpServletRequestBuilder b = multipart("/staf/situs/" + site + "/baru/" + kind);
        form.forEach(b::param);
        b.with(csrf());
        return b;
    }

    private long create(long site, String kind, Map<String, String> form, MockMultipartFile... files) throws Exception {
        MockMultipartHttpServletRequestBuilder b = newItem(site, kind, form);
        for (MockMultipartFile f : files) b.file(f);
        String location = perform(b.with(user(lurah)), 302).getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private void update(long id, int version, Map<String, String> form, int status) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("version", String.valueOf(version));
        MockMultipartHttpServletRequestBuilder b = multipart("/staf/situs/" + ownSite + "/isi/" + id);
        all.forEach(b::param);
        perform(b.with(user(lurah)).with(csrf()), status);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String page(AbstractMockHttpServletRequestBuilder<?> request, int status) throws Exception {
        return perform(request, status).getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(status);
        return response;
    }
}
