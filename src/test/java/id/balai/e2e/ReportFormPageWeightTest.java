package id.balai.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The report form must open quickly on a cheap phone over a weak connection: the page and everything
 * it needs (CSS, scripts, images, the kelurahan boundaries its map fetches) stay under 100 KB as sent
 * over the wire with gzip. Map tiles come from OpenStreetMap and are not counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportFormPageWeightTest {

    static final long BUDGET_BYTES = 100 * 1024;
    static final Pattern LINKED = Pattern.compile("<(?:link[^>]*\\shref|script[^>]*\\ssrc|img[^>]*\\ssrc)=\"([^\"]+)\"");
    static final Pattern DATA_URL = Pattern.compile("data-boundaries=\"([^\"]+)\"");
    static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theReportFormAndEverythingItLoadsWeighLessThan100KilobytesGzipped() throws Exception {
        URI page = URI.create("http://localhost:" + port + "/laporan/baru");
        Map<URI, Fetched> transferred = new LinkedHashMap<>();
        Fetched html = fetch(page);
        transferred.put(page, html);

        Map<URI, Boolean> resources = new LinkedHashMap<>();
        collect(LINKED, html.text, page, resources);
        collect(DATA_URL, html.text, page, resources);
        for (URI resource : resources.keySet()) {
            Fetched f = fetch(resource);
            transferred.put(resource, f);
            if (resource.getPath().endsWith(".css")) {
                Map<URI, Boolean> images = new LinkedHashMap<>();
                collect(CSS_URL, f.text, resource, images);
                for (URI image : images.keySet()) if (!transferred.containsKey(image)) transferred.put(image, fetch(image));
            }
        }

        long total = transferred.values().stream().mapToLong(Fetched::wireBytes).sum();
        StringBuilder lines = new StringBuilder();
        transferred.forEach((uri, f) -> lines.append("  %7d B  %-5s %-28s %s%n".formatted(f.wireBytes, f.gzip ? "gzip" : "plain",
                f.contentType, uri.getPath())));
        System.out.printf("Report form over HTTP with gzip: %d resources, %.1f KB on the wire%n%s",
                transferred.size(), total / 1024.0, lines);

        assertThat(transferred.keySet()).as("the page loads Leaflet, its own script and the boundaries")
                .anyMatch(u -> u.getPath().endsWith("leaflet.js"))
                .anyMatch(u -> u.getPath().endsWith("/js/report-form.js"))
                .anyMatch(u -> u.getPath().endsWith("/wilayah/kelurahan.json"));
        assertThat(total).as("bytes on the wire for the report form").isLessThan(BUDGET_BYTES);
    }

    private static void collect(Pattern pattern, String text, URI base, Map<URI, Boolean> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String ref = m.group(1).replace("&amp;", "&");
            if (ref.startsWith("data:") || ref.startsWith("#") || ref.contains("tile.openstreetmap.org")) continue;
            URI uri = base.resolve(ref);
            if (!"localhost".equals(uri.getHost())) continue;
            into.put(uri, true);
        }
    }

    private record Fetched(long wireBytes, boolean gzip, String contentType, String text) {}

    private Fetched fetch(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET " + uri).isEqualTo(200);
        byte[] body = response.body();
        boolean gzip = response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent();
        byte[] plain = gzip ? new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes() : body;
        return new Fetched(body.length, gzip, response.headers().firstValue("Content-Type").orElse("-"),
                new String(plain, StandardCharsets.UTF_8));
    }
}
