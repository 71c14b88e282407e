package id.balai.open311;

import static id.balai.open311.Open311ServicesTest.json;
import static id.balai.open311.Open311ServicesTest.text;
import static id.balai.open311.Open311ServicesTest.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.balai.organisation.GeoPoint;
import id.balai.organisation.Regions;
import id.balai.reports.CatalogueAdmin.QuestionKind;
import id.balai.reports.ReportCatalogue;
import id.balai.support.TestImages;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/** POST requests as a partner's system files them: with its key, through the web form's own checks. */
@SpringBootTest
@AutoConfigureMockMvc
class Open311PostTest {

    static final String DEMO_KEY = "demo-astina";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ReportCatalogue catalogue;
    @Autowired Regions regions;
    @Autowired ApiKeys keys;

    ReportCatalogue.Service plain;
    ReportCatalogue.Service asked;
    GeoPoint inside;

    @BeforeEach
    void demoCity() {
        plain = catalogue.services().stream().filter(s -> s.fields().isEmpty() && !s.emergency()).findFirst().orElseThrow();
        asked = catalogue.services().stream().filter(s -> s.fields().stream().anyMatch(f -> f.required())).findFirst().orElseThrow();
        inside = regions.centreOf(regions.kelurahans().get(2).code()).orElseThrow();
    }

    @Test
    void aPartnerFilesAReportThatLandsOnTheDeskLikeOneFromTheWebForm() throws Exception {
        JsonNode reply = json(call(filing(plain, "first_name", "Budi", "last_name", "Santoso")
                .param("email", "budi@example.org").param("account_id", "fms-42"), 200));
        String code = reply.get(0).get("service_request_id").asString();
        assertThat(reply.get(0).get("service_notice").asString()).contains(String.valueOf(plain.verifyDays()));
        assertThat(reply.get(0).get("account_id").asString()).isEqualTo("fms-42");

        Map<String, Object> row = jdbc.sql("""
                select r.status, r.channel, r.anonymous, c.code, rr.name, rr.email from report r
                join report_category c on c.id = r.category_id left join report_reporter rr on rr.report_id = r.id
                where r.tracking_code = :code""").param("code", code).query().singleRow();
        assertThat(row.get("status")).isEqualTo("RECEIVED");
        assertThat(row.get("channel")).isEqualTo("OPEN311");
        assertThat(row.get("anonymous")).isEqualTo(true);
        assertThat(row.get("code")).isEqualTo(plain.code());
        assertThat(row.get("name")).isEqualTo("Budi Santoso");
        assertThat(row.get("email")).isEqualTo("budi@example.org");
        // not yet verified: not public, so the API does not show it either
        call(get("/open311/v2/requests/" + code + ".json"), 404);
    }

    @Test
    void attributesAreTheCategorysAnswersAndARequiredOneIsAskedFor() throws Exception {
        ReportCatalogue.Field required = asked.fields().stream().filter(ReportCatalogue.Field::required).findFirst().orElseThrow();
        JsonNode refused = json(call(filing(asked), 400));
        assertThat(refused.get(0).get("code").asInt()).isEqualTo(400);
        assertThat(refused.toString()).contains("attribute[" + required.code() + "]");

        MockHttpServletRequestBuilder answered = filing(asked);
        for (ReportCatalogue.Field f : asked.fields()) {
            answered.param("attribute[" + f.code() + "]", f.kind() == QuestionKind.CHOICE ? f.choices().get(0) : f.kind() == QuestionKind.NUMBER ? "3" : "di depan sekolah");
        }
        String code = json(call(answered, 200)).get(0).get("service_request_id").asString();
        long answers = jdbc.sql("select count(*) from report_answer a join report r on r.id = a.report_id where r.tracking_code = :c")
                .param("c", code).query(Long.class).single();
        assertThat(answers).isEqualTo(asked.fields().size());
    }

    @Test
    void aMultivaluelistAttributeIsSentOnceForEachChoice() throws Exception {
        ReportCatalogue.Service drain = catalogue.service("saluran").orElseThrow();
        var request = filing(drain).param("attribute[akibat][]", "Bau tidak sedap").param("attribute[akibat][]", "Air meluap ke jalan");
        String code = json(call(request, 200)).get(0).get("service_request_id").asString();
        assertThat(jdbc.sql("select a.answer from report_answer a join report r on r.id = a.report_id where r.tracking_code = :c")
                .param("c", code).query(String.class).single()).isEqualTo("Air meluap ke jalan, Bau tidak sedap");
        assertThat(json(call(filing(drain).param("attribute[akibat][]", "Longsor"), 400)).get(0).get("description").asString())
                .startsWith("attribute[akibat]:");
    }

    @Test
    void aPhotoSentAsMediaIsCheckedAndKeptWithTheReport() throws Exception {
        MockMultipartFile photo = new MockMultipartFile("media", "foto.jpg", "image/jpeg", TestImages.jpeg(800, 600));
        var request = multipart("/open311/v2/requests.xml").file(photo);
        params(request, plain);
        Document reply = xml(call(request, 200));
        String code = text(reply.getDocumentElement(), "service_request_id");
        assertThat(jdbc.sql("select count(*) from report_photo p join report r on r.id = p.report_id where r.tracking_code = :c")
                .param("c", code).query(Long.class).single()).isEqualTo(1L);

        MockMultipartFile notAPhoto = new MockMultipartFile("media", "foto.jpg", "image/jpeg", "<html>bukan foto</html>".getBytes());
        var bad = multipart("/open311/v2/requests.json").file(notAPhoto);
        params(bad, plain);
        assertThat(json(call(bad, 400)).get(0).get("description").asString()).startsWith("media:");
    }

    @Test
    void withoutAValidKeyNothingIsFiled() throws Exception {
        long before = count();
        var noKey = post("/open311/v2/requests.json").param("service_code", plain.code()).param("lat", "" + inside.lat()).param("long", "" + inside.lon())
                .param("description", "Sampah menumpuk di pinggir jalan besar.");
        assertThat(json(call(noKey, 400)).get(0).get("code").asInt()).isEqualTo(400);
        assertThat(json(call(filing(plain, "api_key", "salah"), 403)).get(0).get("code").asInt()).isEqualTo(403);

        ApiKeys.Created revoked = keys.create("Mitra lama", 60, null);
        keys.revoke(revoked.id());
        call(filing(plain, "api_key", revoked.key()), 403);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aKeyOverItsLimitGets429WithRetryAfter() throws Exception {
        ApiKeys.Created key = keys.create("Mitra hemat", 2, null);
        call(filing(plain, "api_key", key.key()), 200);
        call(filing(plain, "api_key", key.key()), 200);
        MockHttpServletResponse limited = call(filing(plain, "api_key", key.key()), 429);
        assertThat(Long.parseLong(limited.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(json(limited).get(0).get("code").asInt()).isEqualTo(429);
        // another partner is not affected
        call(filing(plain), 200);
    }

    @Test
    void badLocationsServicesAndDescriptionsAreRefusedAsTheSpecSays() throws Exception {
        long before = count();
        call(filing(plain, "service_code", "tidak-ada"), 404);
        call(post("/open311/v2/requests.json").param("api_key", DEMO_KEY).param("service_code", plain.code())
                .param("description", "Sampah menumpuk di pinggir jalan besar."), 400);
        assertThat(json(call(post("/open311/v2/requests.json").param("api_key", DEMO_KEY).param("service_code", plain.code())
                .param("address_string", "Jl. Pemuda 10").param("description", "Sampah menumpuk di pinggir jalan."), 400))
                .get(0).get("description").asString()).contains("lat", "long");
        call(filing(plain, "lat", "utara"), 400);
        call(filing(plain, "long", "200"), 400);
        call(filing(plain, "description", "x".repeat(4001)), 400);
        JsonNode outside = json(call(filing(plain, "lat", "-7.5", "long", "110.9"), 400));
        assertThat(outside.get(0).get("description").asString()).startsWith("lat/long:");
        call(post("/open311/v2/requests.html").param("api_key", DEMO_KEY), 400);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aPhotoNamedByMediaUrlIsFetchedCheckedAndKept() throws Exception {
        try (PhotoServer server = new PhotoServer()) {
            String code = json(call(filing(plain, "media_url", server.url("/foto.jpg")), 200)).get(0).get("service_request_id").asString();
            assertThat(jdbc.sql("select count(*) from report_photo p join report r on r.id = p.report_id where r.tracking_code = :c")
                    .param("c", code).query(Long.class).single()).isEqualTo(1L);

            long before = count();
            assertThat(json(call(filing(plain, "media_url", server.url("/hilang.jpg")), 400)).get(0).get("description").asString())
                    .contains("404");
            assertThat(json(call(filing(plain, "media_url", server.url("/bukan-foto.jpg")), 400)).get(0).get("description").asString())
                    .startsWith("media:");
            assertThat(json(call(filing(plain, "media_url", "file:///etc/passwd"), 400)).get(0).get("description").asString())
                    .contains("file:///etc/passwd");
            assertThat(count()).as("nothing saved for a photo that could not be fetched").isEqualTo(before);
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameReport() throws Exception {
        long before = count();
        String first = json(call(filing(plain).header("Idempotency-Key", "fms-report-77"), 200)).get(0).get("service_request_id").asString();
        String again = json(call(filing(plain).header("Idempotency-Key", "fms-report-77"), 200)).get(0).get("service_request_id").asString();
        String other = json(call(filing(plain).param("idempotency_key", "fms-report-78"), 200)).get(0).get("service_request_id").asString();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(count()).isEqualTo(before + 2);
        // another partner using the same key value files its own report
        ApiKeys.Created key = keys.create("Mitra kedua", 60, null);
        String theirs = json(call(filing(plain, "api_key", key.key()).header("Idempotency-Key", "fms-report-77"), 200))
                .get(0).get("service_request_id").asString();
        assertThat(theirs).isNotEqualTo(first);
    }

    @Test
    void aRetryIsAnsweredBeforeItsPhotoIsFetchedAgainAndItsKeyOpensNothingOnTheWebForm() throws Exception {
        try (PhotoServer server = new PhotoServer()) {
            String code = json(call(filing(plain, "media_url", server.url("/foto.jpg")).header("Idempotency-Key", "fms-report-500"), 200))
                    .get(0).get("service_request_id").asString();
            // the photo host is gone by the time the partner retries: the report is still answered
            String again = json(call(filing(plain, "media_url", server.url("/hilang.jpg")).header("Idempotency-Key", "fms-report-500"), 200))
                    .get(0).get("service_request_id").asString();
            assertThat(again).isEqualTo(code);
        }
        // the derived key cannot be used on the web form to reach the report's private page
        long partnerId = keys.byKey(DEMO_KEY).orElseThrow().id();
        String derived = "open311-" + JdbcApiKeys.digest(partnerId + ":fms-report-500").substring(0, 48);
        MockHttpServletResponse web = mvc.perform(multipart("/laporan/baru").param("submissionKey", derived)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse();
        assertThat(web.getStatus()).isNotEqualTo(302);
        assertThat(web.getContentAsString()).doesNotContain(derived);
        assertThat(mvc.perform(get("/laporan/baru/foto/" + derived + "/1")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    /** A partner's public photo host, on the test's own loopback (the tests allow private media_url targets). */
    static final class PhotoServer implements AutoCloseable {
        final com.sun.net.httpserver.HttpServer server;

        PhotoServer() throws java.io.IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            serve("/foto.jpg", TestImages.jpeg(640, 480));
            serve("/bukan-foto.jpg", "<html>bukan foto</html>".getBytes());
            server.createContext("/pindah.jpg", exchange -> {
                exchange.getResponseHeaders().add("Location", "/foto.jpg");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.start();
        }

        private void serve(String path, byte[] body) {
            server.createContext(path, exchange -> {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** A valid filing of {@code service} with the demo key; {@code changes} (name, value, …) replace or add parameters. */
    private MockHttpServletRequestBuilder filing(ReportCatalogue.Service service, String... changes) {
        return params(post("/open311/v2/requests.json"), service, changes);
    }

    private <B extends AbstractMockHttpServletRequestBuilder<B>> B params(B request, ReportCatalogue.Service service, String... changes) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("api_key", DEMO_KEY);
        params.put("service_code", service.code());
        params.put("lat", String.valueOf(inside.lat()));
        params.put("long", String.valueOf(inside.lon()));
        params.put("description", "Tumpukan sampah di depan pasar belum diangkut.");
        for (int i = 0; i < changes.length; i += 2) params.put(changes[i], changes[i + 1]);
        params.forEach(request::param);
        return request;
    }

    private long count() {
        return jdbc.sql("select count(*) from report").query(Long.class).single();
    }

    private MockHttpServletResponse call(AbstractMockHttpServletRequestBuilder<?> request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response;
    }

}
