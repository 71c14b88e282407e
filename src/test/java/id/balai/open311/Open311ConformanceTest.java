package id.balai.open311;

import static org.assertj.core.api.Assertions.assertThat;

import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Regions;
import id.balai.reports.domain.ReportWorkflow;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * The conformance suite, against a live server over HTTP (Tomcat's own parsing, real headers): one client
 * behaves like FixMyStreet's Open311 client (XML only: services, definitions, POST with attributes, then
 * polling requests and servicerequestupdates by date window while the city works on the report), one
 * like a JSON mobile client. Every JSON answer is also checked against the published JSON Schemas.
 *
 * <p>With {@code -Dbalai.prism=/path/to/prism} (CI sets it: {@code .ci/run} installs
 * {@code @stoplight/prism-cli} from npm) the clients' traffic goes through Prism in proxy mode, an
 * independent validator that checks every request and answer against the OpenAPI description the server
 * publishes and turns any violation into an error; the suite then also fails on any violation Prism logged.
 * Requests that are wrong on purpose (to see the spec's errors) go straight to the server, since Prism
 * would refuse them itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Open311ConformanceTest {

    @LocalServerPort int port;
    @Autowired Regions regions;
    @Autowired ReportWorkflow workflow;
    @Autowired StaffDirectory staff;

    final HttpClient http = HttpClient.newHttpClient();

    static final String PRISM = System.getProperty("balai.prism", "");
    static Process prism;
    static int prismPort;
    static Path prismLog;

    @BeforeEach
    void throughPrismWhenAsked() throws Exception {
        if (PRISM.isBlank() || prism != null) return;
        try (ServerSocket free = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            prismPort = free.getLocalPort();
        }
        prismLog = Files.createTempFile("prism", ".log");
        String upstream = "http://127.0.0.1:" + port + "/open311/v2";
        prism = new ProcessBuilder(PRISM, "proxy", upstream + "/openapi.json", upstream, "--errors", "--host", "127.0.0.1",
                "--port", String.valueOf(prismPort)).redirectErrorStream(true).redirectOutput(prismLog.toFile()).start();
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.readString(prismLog).contains("Prism is listening")) {
            assertThat(prism.isAlive()).as("Prism started: " + Files.readString(prismLog)).isTrue();
            assertThat(System.nanoTime()).as("Prism listening within 90 s: " + Files.readString(prismLog)).isLessThan(until);
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void noViolationsInPrismsLog() throws Exception {
        if (prism == null) return;
        prism.destroy();
        prism.waitFor(10, TimeUnit.SECONDS);
        String log = Files.readString(prismLog);
        assertThat(log).as("Prism saw the clients' traffic").contains("Forwarding");
        assertThat(log.lines().filter(l -> l.contains("✖") || l.toLowerCase(Locale.ROOT).contains("violation")).toList())
                .as("Prism's log").isEmpty();
    }

    @Test
    void aFixMyStreetLikeXmlClientFilesAReportAndFollowsItToFixed() throws Exception {
        Instant started = Instant.now().minusSeconds(2);
        Document services = xml(get("/open311/v2/services.xml", 200, "text/xml"));
        assertThat(services.getDocumentElement().getTagName()).isEqualTo("services");

        // FixMyStreet reads the definition of every service that has metadata, then fills the required attributes
        Element chosen = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        NodeList list = services.getElementsByTagName("service");
        for (int i = 0; i < list.getLength() && chosen == null; i++) {
            Element s = (Element) list.item(i);
            if (!"true".equals(text(s, "metadata"))) continue;
            Document definition = xml(get("/open311/v2/services/" + text(s, "service_code") + ".xml", 200, "text/xml"));
            NodeList attrs = definition.getElementsByTagName("attribute");
            boolean required = false;
            for (int a = 0; a < attrs.getLength(); a++) {
                Element attr = (Element) attrs.item(a);
                if (!"true".equals(text(attr, "required"))) continue;
                required = true;
                String code = text(attr, "code");
                switch (text(attr, "datatype")) {
                    case "number" -> attributes.put("attribute[" + code + "]", "40");
                    case "singlevaluelist" -> attributes.put("attribute[" + code + "]", text((Element) attr.getElementsByTagName("value").item(0), "key"));
                    case "datetime" -> attributes.put("attribute[" + code + "]", "2026-11-24T07:30:00+07:00");
                    default -> attributes.put("attribute[" + code + "]", "Di depan balai warga");
                }
            }
            if (required) chosen = s;
        }
        assertThat(chosen).as("a service with a required attribute").isNotNull();

        GeoPoint inside = regions.centreOf(regions.kelurahans().get(6).code()).orElseThrow();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", "demo-astina");
        form.put("service_code", text(chosen, "service_code"));
        form.put("lat", String.valueOf(inside.lat()));
        form.put("long", String.valueOf(inside.lon()));
        form.put("description", "Air setinggi lutut menggenangi jalan depan balai warga sejak subuh.");
        form.put("first_name", "Pengguna");
        form.put("last_name", "FixMyStreet");
        form.put("email", "pengguna@fms.example");
        form.putAll(attributes);
        Document reply = xml(post("/open311/v2/requests.xml", form, 200, "text/xml"));
        String id = text(reply.getDocumentElement(), "service_request_id");
        assertThat(id).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");

        // the desk verifies, routes, starts and resolves it; FixMyStreet polls by date window and sees each step
        StaffPrincipal desk = staff.byUsername("koordinator").orElseThrow();
        workflow.verify(desk, id);
        String window = "start_date=" + enc(started.atOffset(ZoneOffset.ofHours(7)).toString())
                + "&end_date=" + enc(Instant.now().plusSeconds(60).atOffset(ZoneOffset.UTC).toString());
        Document requests = xml(get("/open311/v2/requests.xml?" + window, 200, "text/xml"));
        assertThat(texts(requests.getDocumentElement(), "service_request_id")).contains(id);
        assertThat(new String(get("/open311/v2/requests.xml?" + window, 200, "text/xml").body(), StandardCharsets.UTF_8))
                .doesNotContain("pengguna@fms.example").doesNotContain("FixMyStreet<");

        Long routedTo = workflow.view(desk, id).agencyId(); // verifying routes by category and area when it can
        long agencyId = routedTo != null ? routedTo : staff.byUsername("bpbd").orElseThrow().agencyId();
        if (routedTo == null) workflow.route(desk, id, agencyId);
        StaffPrincipal owner = staff.ofAgency(agencyId).stream().filter(p -> p.role().name().equals("AGENCY_ADMIN")).findFirst().orElseThrow();
        workflow.start(owner, id);
        workflow.resolve(owner, id, "Saluran sudah dibersihkan, genangan surut.", null);

        Document updates = xml(get("/open311/v2/servicerequestupdates.xml?" + window, 200, "text/xml"));
        List<String> ours = new ArrayList<>();
        NodeList items = updates.getElementsByTagName("request_update");
        for (int i = 0; i < items.getLength(); i++) {
            Element u = (Element) items.item(i);
            if (id.equals(text(u, "service_request_id"))) ours.add(text(u, "status"));
        }
        assertThat(ours).containsSubsequence("investigating", "action_scheduled", "in_progress", "fixed");
        Document one = xml(get("/open311/v2/requests/" + id + ".xml", 200, "text/xml"));
        assertThat(text(one.getDocumentElement(), "status")).isEqualTo("closed");

        // the reporter closes it on FixMyStreet: FixMyStreet posts the update, and the report is confirmed
        Map<String, String> update = new LinkedHashMap<>();
        update.put("api_key", "demo-astina");
        update.put("service_request_id", id);
        update.put("update_id", "fms-update-1");
        update.put("status", "CLOSED");
        update.put("updated_datetime", Instant.now().atOffset(ZoneOffset.UTC).toString());
        update.put("description", "Sudah kering, terima kasih.");
        update.put("first_name", "Pengguna");
        update.put("email", "pengguna@fms.example");
        Document posted = xml(post("/open311/v2/servicerequestupdates.xml", update, 200, "text/xml"));
        assertThat(text(posted.getDocumentElement(), "update_id")).isNotBlank();
        assertThat(workflow.view(desk, id).status().name()).isEqualTo("CLOSED");
    }

    @Test
    void aJsonMobileClientReadsEverythingAndGetsSpecErrors() throws Exception {
        JsonNode discovery = json(get("/open311/v2/discovery.json", 200, "application/json"), "discovery");
        assertThat(discovery.get("endpoints").get(0).get("url").asString()).endsWith("/open311/v2");
        JsonNode services = json(get("/open311/v2/services.json", 200, "application/json"), "services");
        for (JsonNode s : services) json(get("/open311/v2/services/" + s.get("service_code").asString() + ".json", 200, "application/json"), "serviceDefinition");
        json(get("/open311/v2/requests.json?extensions=true&updated_after=2020-01-01T00:00:00Z", 200, "application/json"), "requests");

        String plain = null;
        for (JsonNode s : services) if (!s.get("metadata").asBoolean()) plain = s.get("service_code").asString();
        GeoPoint inside = regions.centreOf(regions.kelurahans().get(7).code()).orElseThrow();
        Map<String, String> form = Map.of("api_key", "demo-astina", "service_code", plain, "lat", String.valueOf(inside.lat()),
                "long", String.valueOf(inside.lon()), "description", "Lampu jalan di gang mati sejak minggu lalu.");
        json(post("/open311/v2/requests.json", form, 200, "application/json"), "postReply");

        json(get("/open311/v2/services/tidak-ada.json", 404, "application/json"), "errors");
        json(post("/open311/v2/requests.json", Map.of("api_key", "salah", "service_code", plain), 403, "application/json"), "errors");
        json(post("/open311/v2/requests.json", Map.of("api_key", "demo-astina", "service_code", plain, "description", "x".repeat(4001),
                "lat", "-6.95", "long", "110.1"), 400, "application/json", true), "errors");
        json(get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-12-31T00:00:00Z", 400, "application/json"), "errors");
        assertThat(new String(get("/open311/v2/services.csv", 400, "text/xml", true).body(), StandardCharsets.UTF_8)).startsWith("<?xml");
        json(get("/open311/v2/services.json?jurisdiction_id=kota-lain.go.id", 404, "application/json"), "errors");
    }

    @Test
    void tomcatsOwnRefusalsAreInTheSpecsShape() throws Exception {
        // a body over the upload limit is refused by the server before any controller: still the errors list
        String boundary = "balai" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"besar.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 13 * 1024 * 1024 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        HttpResponse<byte[]> tooBig = check(http.send(HttpRequest.newBuilder(uri("/open311/v2/requests.json?api_key=demo-astina", true))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray()), 413, "application/json");
        assertThat(json(tooBig, "errors").get(0).get("code").asInt()).isEqualTo(413);
        HttpResponse<byte[]> wrongType = check(http.send(HttpRequest.newBuilder(uri("/open311/v2/requests.xml", true))
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofByteArray()), 400, "text/xml");
        assertThat(text(xml(wrongType).getDocumentElement(), "code")).isEqualTo("400");
    }

    /** Where a client's request goes: through Prism when it runs, else straight to the server. */
    private URI uri(String path, boolean direct) {
        if (direct || prism == null) return URI.create("http://localhost:" + port + path);
        assertThat(path).startsWith(Open311Controller.BASE);
        return URI.create("http://127.0.0.1:" + prismPort + path.substring(Open311Controller.BASE.length()));
    }

    private HttpResponse<byte[]> get(String path, int status, String type) throws Exception {
        return get(path, status, type, false);
    }

    /** {@code direct}: a request that is wrong on purpose, which Prism would refuse before the server sees it. */
    private HttpResponse<byte[]> get(String path, int status, String type, boolean direct) throws Exception {
        return check(http.send(HttpRequest.newBuilder(uri(path, direct)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()), status, type);
    }

    private HttpResponse<byte[]> post(String path, Map<String, String> form, int status, String type) throws Exception {
        return post(path, form, status, type, false);
    }

    private HttpResponse<byte[]> post(String path, Map<String, String> form, int status, String type, boolean direct) throws Exception {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return check(http.send(HttpRequest.newBuilder(uri(path, direct))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray()), status, type);
    }

    private static HttpResponse<byte[]> check(HttpResponse<byte[]> response, int status, String type) {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(type);
        return response;
    }

    private static Document xml(HttpResponse<byte[]> response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
    }

    private static JsonNode json(HttpResponse<byte[]> response, String schema) {
        JsonNode node = Open311ServicesTest.JSON.readTree(response.body());
        assertThat(Open311JsonSchemaTest.REGISTRY.getSchema(com.networknt.schema.SchemaLocation.of(
                "classpath:static/open311/v2/georeport-v2.schema.json#/$defs/" + schema)).validate(node)).as(schema).isEmpty();
        return node;
    }

    private static String text(Element parent, String tag) {
        return Open311ServicesTest.text(parent, tag);
    }

    private static List<String> texts(Element parent, String tag) {
        return Open311ServicesTest.texts(parent, tag);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
