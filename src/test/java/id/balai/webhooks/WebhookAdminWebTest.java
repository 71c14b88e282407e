package id.balai.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.balai.identity.AdminAudit;
import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.support.CityAdminOnly;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The city admin's webhook page: subscriptions, the delivery log, its authorisation and its refusals. */
@SpringBootTest
@AutoConfigureMockMvc
class WebhookAdminWebTest {

    private static final Pattern SHOWN_SECRET = Pattern.compile("<code class=\"big\">(whsec_[A-Za-z0-9_-]+)</code>");

    @Autowired MockMvc mvc;
    @Autowired StaffDirectory staff;
    @Autowired Subscriptions subscriptions;
    @Autowired Deliveries deliveries;
    @Autowired AdminAudit audit;
    @Autowired JdbcClient jdbc;

    StaffPrincipal admin;

    @BeforeEach
    void cityAdmin() {
        admin = staff.byUsername("admin").orElseThrow();
    }

    @Test
    void aNewSubscriptionShowsItsSecretOnceAndEveryChangeIsAudited() throws Exception {
        var created = mvc.perform(post("/admin/webhook").param("partner", "Aplikasi Warga Jateng")
                .param("url", "https://127.0.0.1:9/hook").param("events", "report.created", "report.resolved").with(user(admin)).with(csrf()))
                .andReturn();
        assertThat(created.getResponse().getStatus()).as("post, redirect, get: a reload cannot subscribe twice").isEqualTo(302);
        MockHttpServletResponse page = mvc.perform(get(created.getResponse().getRedirectedUrl()).with(user(admin))
                .flashAttrs(created.getFlashMap())).andReturn().getResponse();
        String html = page.getContentAsString();
        Matcher m = SHOWN_SECRET.matcher(html);
        assertThat(m.find()).as("the secret is on the page").isTrue();
        String secret = m.group(1);
        assertThat(page.getHeader("Cache-Control")).contains("no-store");
        Subscriptions.Subscription s = subscriptions.all().stream().filter(x -> x.partner().equals("Aplikasi Warga Jateng")).findFirst().orElseThrow();
        assertThat(s.kinds()).containsExactly(EventKind.CREATED, EventKind.RESOLVED);
        assertThat(jdbc.sql("select secret from webhook_subscription where id = :id").param("id", s.id()).query(String.class).single())
                .isEqualTo(secret);
        assertThat(perform(get("/admin/webhook").with(user(admin)), 200).getContentAsString()).doesNotContain(secret)
                .contains("Aplikasi Warga Jateng", "https://127.0.0.1:9/hook");
        assertThat(perform(get("/admin/webhook/{id}", s.id()).with(user(admin)), 200).getContentAsString()).doesNotContain(secret);

        perform(post("/admin/webhook/{id}/jeda", s.id()).param("version", "0").with(user(admin)).with(csrf()), 302);
        assertThat(subscriptions.byId(s.id()).orElseThrow().active()).isFalse();
        perform(post("/admin/webhook/{id}/lanjutkan", s.id()).param("version", "1").with(user(admin)).with(csrf()), 302);
        assertThat(subscriptions.byId(s.id()).orElseThrow().active()).isTrue();

        var rotation = mvc.perform(post("/admin/webhook/{id}/kunci", s.id()).param("version", "2").with(user(admin)).with(csrf())).andReturn();
        assertThat(rotation.getResponse().getStatus()).isEqualTo(302);
        String rotatedPage = mvc.perform(get(rotation.getResponse().getRedirectedUrl()).with(user(admin)).flashAttrs(rotation.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        Matcher rotated = SHOWN_SECRET.matcher(rotatedPage);
        assertThat(rotated.find()).isTrue();
        assertThat(rotated.group(1)).isNotEqualTo(secret);

        // a page still showing version 2 acts on nothing
        String stale = perform(post("/admin/webhook/{id}/hapus", s.id()).param("version", "2").with(user(admin)).with(csrf()), 302)
                .getRedirectedUrl();
        assertThat(stale).endsWith("/admin/webhook");
        assertThat(subscriptions.byId(s.id())).isPresent();
        perform(post("/admin/webhook/{id}/hapus", s.id()).param("version", "3").with(user(admin)).with(csrf()), 302);
        assertThat(subscriptions.byId(s.id())).isEmpty();

        assertThat(audit.latest(5)).extracting(AdminAudit.Entry::action).containsExactly("webhook.deleted", "webhook.secret-rotated",
                "webhook.resumed", "webhook.paused", "webhook.created");
        assertThat(audit.latest(5)).allSatisfy(e -> {
            assertThat(e.staffId()).isEqualTo(admin.id());
            assertThat(e.subject()).isEqualTo(String.valueOf(s.id()));
        });
        assertThat(perform(get("/admin/jejak").with(user(admin)), 200).getContentAsString()).contains("Kunci tanda tangan webhook diganti");
    }

    @Test
    void theLogShowsEachDeliveryEscapedAndAFailedOneCanBeSentAgain() throws Exception {
        long id = subscriptions.create("Mitra log", "https://127.0.0.1:9/hook", EnumSet.of(EventKind.CREATED), admin.id()).id();
        deliveries.enqueue("6a1f0000-0000-4000-8000-000000000001", EventKind.CREATED, "LOG1-TEST", "{}", List.of(id), Instant.now());
        long delivery = deliveries.recent(id, 1).get(0).id();
        deliveries.failed(delivery, 502, "<script>alert('x')</script> bad gateway", null);

        String html = perform(get("/admin/webhook/{id}", id).with(user(admin)), 200).getContentAsString();
        assertThat(html).contains("LOG1-TEST", "HTTP 502", "&lt;script&gt;", "gagal", "Kirim ulang").doesNotContain("<script>alert");

        perform(post("/admin/webhook/{id}/kiriman/{d}/ulang", id, delivery).with(user(admin)).with(csrf()), 302);
        Deliveries.Delivery again = deliveries.recent(id, 1).get(0);
        assertThat(again.state()).isEqualTo(Deliveries.State.PENDING);
        assertThat(again.attempts()).isZero();
        assertThat(audit.latest(1).get(0).action()).isEqualTo("webhook.resent");
        // a pending row is not "sent again" (nor another subscription's row)
        long entries = audit.latest(1000).size();
        perform(post("/admin/webhook/{id}/kiriman/{d}/ulang", id, delivery).with(user(admin)).with(csrf()), 302);
        perform(post("/admin/webhook/{id}/kiriman/{d}/ulang", id + 1000, delivery).with(user(admin)).with(csrf()), 302);
        assertThat(audit.latest(1000)).hasSize((int) entries);
        perform(get("/admin/webhook/{id}", id + 1000).with(user(admin)), 404);
    }

    @Test
    void badInputIsRefusedWithItsMessageAndNothingIsStored() throws Exception {
        int before = subscriptions.all().size();
        String badUrl = refused("Mitra", "ftp://mitra.example/hook", "report.created");
        assertThat(badUrl).contains("Tulis alamat lengkap yang diawali https://");
        String noEvents = refused("Mitra", "https://127.0.0.1:9/hook");
        assertThat(noEvents).contains("Pilih paling sedikit satu kabar yang dikirim.");
        String script = refused("<script>alert(1)</script>", "https://127.0.0.1:9/hook", "report.created");
        assertThat(script).contains("tanpa tanda &lt; atau &gt;").contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        String http = refused("Mitra", "http://mitra.example/hook", "report.created");
        assertThat(http).contains("Alamat harus memakai https://.");
        String unknownKind = refused("Mitra", "https://127.0.0.1:9/hook", "report.deleted");
        assertThat(unknownKind).contains("Pilih paling sedikit satu kabar");
        assertThat(subscriptions.all()).hasSize(before);

        String english = perform(post("/admin/webhook").param("partner", "Mitra").param("url", "bukan alamat").param("events", "report.created")
                .header("Accept-Language", "en").param("lang", "en").with(user(admin)).with(csrf()), 422).getContentAsString();
        assertThat(english).contains("Enter a full address starting with https://");
    }

    @Test
    void onlyTheCityAdminManagesWebhooks() throws Exception {
        long id = subscriptions.create("Mitra terlindung", "https://127.0.0.1:9/hook", EnumSet.of(EventKind.CREATED), admin.id()).id();
        int before = subscriptions.all().size();
        List<Supplier<MockHttpServletRequestBuilder>> requests = List.of(
                () -> get("/admin/webhook"),
                () -> get("/admin/webhook/{id}", id),
                () -> post("/admin/webhook").param("partner", "Penyusup").param("url", "https://127.0.0.1:9/x").param("events", "report.created"),
                () -> post("/admin/webhook/{id}/jeda", id).param("version", "0"),
                () -> post("/admin/webhook/{id}/kunci", id).param("version", "0"),
                () -> post("/admin/webhook/{id}/hapus", id).param("version", "0"),
                () -> post("/admin/webhook/{id}/kiriman/{d}/ulang", id, 1));
        CityAdminOnly.check(mvc, staff, requests);
        assertThat(perform(get("/admin/webhook"), 302).getRedirectedUrl()).endsWith("/staf/masuk");
        assertThat(subscriptions.all()).hasSize(before);
        assertThat(subscriptions.byId(id).orElseThrow().version()).isZero();
        assertThat(perform(post("/admin/webhook/{id}/jeda", id).param("version", "0").with(user(admin)), 403).getStatus()).as("no CSRF token")
                .isEqualTo(403);
    }

    private String refused(String partner, String url, String... events) throws Exception {
        MockHttpServletRequestBuilder request = post("/admin/webhook").param("partner", partner).param("url", url).with(user(admin)).with(csrf());
        if (events.length > 0) request.param("events", events);
        String html = perform(request, 422).getContentAsString();
        assertThat(html).contains("error-summary");
        return html;
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response;
    }
}
