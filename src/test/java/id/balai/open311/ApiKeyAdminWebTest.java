package id.balai.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.balai.identity.AdminAudit;
import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Regions;
import id.balai.reports.ReportCatalogue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The city admin's page for partners' keys, and that what it does takes effect on the API at once. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiKeyAdminWebTest {

    private static final Pattern SHOWN_KEY = Pattern.compile("<code class=\"big\">(b311_[A-Za-z0-9_-]+)</code>");

    @Autowired MockMvc mvc;
    @Autowired StaffDirectory staff;
    @Autowired ApiKeys keys;
    @Autowired AdminAudit audit;
    @Autowired ReportCatalogue catalogue;
    @Autowired Regions regions;

    StaffPrincipal admin;

    @BeforeEach
    void cityAdmin() {
        admin = staff.byUsername("admin").orElseThrow();
    }

    @Test
    void aNewKeyIsShownOnceWorksAtOnceAndStopsWorkingWhenRevoked() throws Exception {
        var created = mvc.perform(post("/admin/kunci-api").param("partner", "Aplikasi Warga <b>Jateng</b>")
                .param("perMinute", "30").with(user(admin)).with(csrf())).andReturn();
        assertThat(created.getResponse().getStatus()).as("post, redirect, get: a reload cannot create a second key").isEqualTo(302);
        MockHttpServletResponse page = mvc.perform(get("/admin/kunci-api").with(user(admin))
                .flashAttrs(created.getFlashMap())).andReturn().getResponse();
        String html = page.getContentAsString();
        Matcher m = SHOWN_KEY.matcher(html);
        assertThat(m.find()).as("the new key is on the page").isTrue();
        String key = m.group(1);
        assertThat(html).contains("Aplikasi Warga &lt;b&gt;Jateng&lt;/b&gt;").doesNotContain("<b>Jateng</b>");
        assertThat(page.getHeader("Cache-Control")).contains("no-store");

        assertThat(perform(get("/admin/kunci-api").with(user(admin)), 200).getContentAsString()).doesNotContain(key)
                .contains(key.substring(0, 8));
        ApiKeys.Partner partner = keys.byKey(key).orElseThrow();
        assertThat(partner.requestsPerMinute()).isEqualTo(30);
        assertThat(audit.latest(5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("apikey.created");
            assertThat(e.staffId()).isEqualTo(admin.id());
        });
        perform(filing(key), 200);

        perform(post("/admin/kunci-api/{id}/batas", partner.id()).param("perMinute", "5").with(user(admin)).with(csrf()), 302);
        assertThat(keys.byKey(key).orElseThrow().requestsPerMinute()).isEqualTo(5);

        perform(post("/admin/kunci-api/{id}/cabut", partner.id()).with(user(admin)).with(csrf()), 302);
        assertThat(keys.byKey(key)).isEmpty();
        perform(filing(key), 403);

        // revoking again, or changing a revoked key, changes nothing and records nothing
        long entries = audit.latest(1000).size();
        assertThat(keys.revoke(partner.id())).isFalse();
        assertThat(keys.changeLimit(partner.id(), 50)).isFalse();
        assertThat(audit.latest(1000)).hasSize((int) entries);
    }

    @Test
    void aKeyWithoutAPartnerOrWithABadLimitIsNotCreated() throws Exception {
        int before = keys.all().size();
        String html = perform(post("/admin/kunci-api").param("partner", " ").param("perMinute", "0").with(user(admin)).with(csrf()), 422)
                .getContentAsString();
        assertThat(html).contains("error-summary");
        perform(post("/admin/kunci-api").param("partner", "Mitra").param("perMinute", "banyak").with(user(admin)).with(csrf()), 422);
        assertThat(keys.all()).hasSize(before);
    }

    @Test
    void onlyTheCityAdminManagesKeys() throws Exception {
        StaffPrincipal coordinator = staff.byUsername("koordinator").orElseThrow();
        int before = keys.all().size();
        perform(get("/admin/kunci-api").with(user(coordinator)), 403);
        perform(post("/admin/kunci-api").param("partner", "Penyusup").param("perMinute", "60").with(user(coordinator)).with(csrf()), 403);
        perform(post("/admin/kunci-api/{id}/cabut", keys.all().get(0).id()).with(user(coordinator)).with(csrf()), 403);
        assertThat(perform(get("/admin/kunci-api"), 302).getRedirectedUrl()).endsWith("/staf/masuk");
        assertThat(keys.all()).hasSize(before);
        assertThat(keys.all()).allMatch(ApiKeys.Partner::active);
    }

    private MockHttpServletRequestBuilder filing(String key) {
        ReportCatalogue.Service service = catalogue.services().stream().filter(s -> s.fields().isEmpty()).findFirst().orElseThrow();
        GeoPoint inside = regions.centreOf(regions.kelurahans().get(1).code()).orElseThrow();
        return post("/open311/v2/requests.json").param("api_key", key).param("service_code", service.code())
                .param("lat", String.valueOf(inside.lat())).param("long", String.valueOf(inside.lon()))
                .param("description", "Lampu jalan mati sejak tiga hari lalu.");
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response;
    }
}
