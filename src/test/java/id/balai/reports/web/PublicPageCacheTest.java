package id.balai.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import id.balai.identity.StaffDirectory;
import id.balai.platform.web.PublicContent;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public list is kept rendered for visitors who are not logged in, and a change made through the
 * app shows at once. To see that a page was kept, the test changes a row behind the app's back: only a
 * kept page can still show the old text.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicPageCacheTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PublicContent publicContent;
    @Autowired StaffDirectory staff;

    long id;
    String code;
    String before;
    String listUrl;

    @BeforeEach
    void newestPublicReport() {
        var row = jdbc.sql("select id, tracking_code, public_description, category_id from report where published = true "
                + "order by submitted_at desc, id desc limit 1").query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getLong(4)}).single();
        id = (Long) row[0];
        code = (String) row[1];
        before = (String) row[2];
        listUrl = "/laporan?kategori=" + row[3];
    }

    @AfterEach
    void putTheTextBack() {
        jdbc.sql("update report set public_description = ? where id = ?").params(before, id).update();
        publicContent.changed();
    }

    @Test
    void aVisitorGetsTheKeptListUntilSomethingPublicChanges() throws Exception {
        assertThat(page(get(listUrl))).contains(code);
        behindTheAppsBack("Penanda halaman tersimpan satu");

        assertThat(page(get(listUrl))).contains(code).doesNotContain("Penanda halaman tersimpan satu");
        assertThat(page(get(listUrl).with(user(staff.byUsername("koordinator").orElseThrow()))))
                .as("logged-in staff always get a fresh page").contains("Penanda halaman tersimpan satu");
        assertThat(page(get(listUrl + "&page=1"))).as("another query is another page").contains("Penanda halaman tersimpan satu");

        publicContent.changed();
        assertThat(page(get(listUrl))).contains("Penanda halaman tersimpan satu");
    }

    @Autowired io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aKeptPageReachesAVisitorWithoutASessionBeforeTheFilterChainWithTheSameHeaders() throws Exception {
        publicContent.changed();
        MockHttpServletResponse rendered = mvc.perform(get(listUrl)).andReturn().getResponse();
        double before = meters.get("balai.kept.pages.front").functionCounter().count();
        MockHttpServletResponse atTheDoor = mvc.perform(get(listUrl)).andReturn().getResponse();
        assertThat(meters.get("balai.kept.pages.front").functionCounter().count()).isEqualTo(before + 1);
        assertThat(atTheDoor.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(rendered.getContentAsString(StandardCharsets.UTF_8));
        for (String header : java.util.List.of("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
                "Cache-Control", "Content-Language")) {
            assertThat(atTheDoor.getHeaders(header)).as(header).isNotEmpty().isEqualTo(rendered.getHeaders(header));
        }
        assertThat(atTheDoor.getHeader("Set-Cookie")).isNull();
        // a visitor with a session, or staff, goes through the whole chain
        mvc.perform(get(listUrl).session(new org.springframework.mock.web.MockHttpSession()));
        mvc.perform(get(listUrl).with(user(staff.byUsername("koordinator").orElseThrow())));
        mvc.perform(get(listUrl).header("Authorization", "Basic YWRtaW46eA=="));
        assertThat(meters.get("balai.kept.pages.front").functionCounter().count()).isEqualTo(before + 1);
    }

    @Test
    void aModeratorsEditShowsAtOnce() throws Exception {
        assertThat(page(get(listUrl))).contains(code);
        String cleaned = "Teks yang sudah disunting moderator untuk uji halaman tersimpan.";
        mvc.perform(post("/staf/laporan/{c}/moderasi", code).param("publicText", cleaned)
                .with(user(staff.byUsername("koordinator").orElseThrow())).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.moderated"));
        assertThat(page(get(listUrl))).contains(cleaned);
    }

    @Test
    void aMessageWaitingAfterARedirectIsShownOnTheKeptHomePage() throws Exception {
        assertThat(page(get("/"))).doesNotContain("Nomor lacak tidak ditemukan");
        assertThat(page(get("/"))).doesNotContain("Nomor lacak tidak ditemukan"); // kept now
        var redirect = mvc.perform(get("/laporan/cari").param("kode", "ZZZZ-ZZZZ")).andReturn();
        assertThat(redirect.getResponse().getRedirectedUrl()).isEqualTo("/");
        var session = (org.springframework.mock.web.MockHttpSession) redirect.getRequest().getSession(false);
        assertThat(page(get("/").session(session))).contains("Nomor lacak tidak ditemukan");
        assertThat(page(get("/").session(session))).as("shown once").doesNotContain("Nomor lacak tidak ditemukan");
    }

    @Test
    void eachLanguageIsKeptApart() throws Exception {
        assertThat(page(get(listUrl))).contains("lang=\"id\"");
        assertThat(page(get(listUrl).cookie(new Cookie("balai_lang", "en")))).contains("lang=\"en\"");
        assertThat(page(get(listUrl))).contains("lang=\"id\"");
        assertThat(page(get(listUrl).param("lang", "en"))).contains("lang=\"en\"");
        assertThat(page(get(listUrl).cookie(new Cookie("balai_lang", "<script>")))).contains("lang=\"id\"");
    }

    @Test
    void aKeptPageIsSentGzippedToWhoeverAcceptsIt() throws Exception {
        String plain = page(get(listUrl));
        MockHttpServletResponse kept = mvc.perform(get(listUrl).header("Accept-Encoding", "gzip, deflate")).andReturn().getResponse();
        assertThat(kept.getStatus()).isEqualTo(200);
        assertThat(kept.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(kept.getContentType()).startsWith("text/html");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(kept.getContentAsByteArray()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
        }
        MockHttpServletResponse unzipped = mvc.perform(get(listUrl)).andReturn().getResponse();
        assertThat(unzipped.getHeader("Content-Encoding")).as("a client without gzip gets the page as it was").isNull();
        assertThat(unzipped.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(plain);
    }

    @Test
    void mapDataIsForWholeTilesSoASmallPanGivesTheSameAnswer() throws Exception {
        String first = page(get("/laporan/peta.json?bbox=-7.6,109.4,-6.4,110.6&zoom=11"));
        assertThat(first).contains("\"type\":\"Feature\"");
        assertThat(page(get("/laporan/peta.json?bbox=-7.601,109.401,-6.399,110.601&zoom=11"))).isEqualTo(first);
        assertThat(PublicReportsController.wholeTiles(new double[] {-7.6, 109.4, -6.4, 110.6}, 0.5))
                .containsExactly(-8.0, 109.0, -6.0, 111.0);
        assertThat(PublicReportsController.wholeTiles(new double[] {-89.9, -179.9, 89.9, 179.9}, 45))
                .containsExactly(-90.0, -180.0, 90.0, 180.0);
    }

    private void behindTheAppsBack(String text) {
        jdbc.sql("update report set public_description = ? where id = ?").params(text, id).update();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
