package id.balai.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffRole;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The city's home page and a kelurahan's must open quickly on a cheap phone over a weak connection: each page
 * and everything a first-time visitor's browser fetches for it (stylesheets, scripts, images, what the CSS
 * pulls in, the site icon) stay at or under 150 KB as sent over the wire with gzip. Feed links, the canonical
 * link and other pages' links are not fetched by a browser and are not counted; neither are map tiles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalPageWeightTest {

    static final long BUDGET_BYTES = 150 * 1024;
    /** What a browser fetches while loading a page: stylesheets, icons and preloads, scripts, images. */
    static final Pattern LINK_TAG = Pattern.compile("<link\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    static final Pattern REL = Pattern.compile("\\srel=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    static final Pattern HREF = Pattern.compile("\\shref=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    static final Pattern FETCHED_REL = Pattern.compile("\\b(stylesheet|icon|preload|modulepreload|manifest)\\b", Pattern.CASE_INSENSITIVE);
    static final Pattern SCRIPT_OR_IMAGE = Pattern.compile("<(?:script[^>]*\\ssrc|img[^>]*\\ssrc)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");
    static final Pattern CSS_IMPORT = Pattern.compile("@import\\s+['\"]([^'\"]+)['\"]");

    @LocalServerPort int port;
    @Autowired StaffDirectory staffDirectory;
    @Autowired JdbcClient jdbc;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theCityHomePageAndEverythingItLoadsWeighAtMost150KilobytesGzipped() throws Exception {
        Map<URI, Fetched> transferred = pageWithResources("/", "City home page");
        assertThat(total(transferred)).as("bytes on the wire for the city's home page").isLessThanOrEqualTo(BUDGET_BYTES);
    }

    @Test
    void aKelurahanHomePageAndEverythingItLoadsWeighAtMost150KilobytesGzipped() throws Exception {
        String regionCode = staffDirectory.withRole(StaffRole.LURAH).get(0).regionCode();
        String slug = jdbc.sql("select slug from site where region_code = ?").param(regionCode).query(String.class).single();
        Map<URI, Fetched> transferred = pageWithResources("/kelurahan/" + slug, "Kelurahan home page");
        assertThat(total(transferred)).as("bytes on the wire for a kelurahan's home page").isLessThanOrEqualTo(BUDGET_BYTES);
    }

    /** The page and what its browser would fetch for it, each once, as sent; the breakdown printed. */
    private Map<URI, Fetched> pageWithResources(String path, String name) throws Exception {
        URI page = URI.create("http://localhost:" + port + path);
        Map<URI, Fetched> transferred = new LinkedHashMap<>();
        Fetched html = fetch(page);
        assertThat(html.contentType).as("content type of " + path).startsWith("text/html");
        transferred.put(page, html);

        Map<URI, Boolean> resources = new LinkedHashMap<>();
        Matcher link = LINK_TAG.matcher(html.text);
        while (link.find()) {
            Matcher rel = REL.matcher(link.group());
            Matcher href = HREF.matcher(link.group());
            if (rel.find() && FETCHED_REL.matcher(rel.group(1)).find() && href.find()) add(href.group(1), page, resources);
        }
        collect(SCRIPT_OR_IMAGE, html.text, page, resources);
        for (URI resource : resources.keySet()) {
            if (transferred.containsKey(resource)) continue;
            Fetched f = fetch(resource);
            transferred.put(resource, f);
            if (resource.getPath().endsWith(".css") || f.contentType.startsWith("text/css")) {
                Map<URI, Boolean> pulledIn = new LinkedHashMap<>();
                collect(CSS_URL, f.text, resource, pulledIn);
                collect(CSS_IMPORT, f.text, resource, pulledIn);
                for (URI u : pulledIn.keySet()) if (!transferred.containsKey(u)) transferred.put(u, fetch(u));
            }
        }
        // Without an icon link a browser asks for /favicon.ico; count it when there is one.
        if (resources.keySet().stream().noneMatch(u -> u.getPath().contains("icon"))) {
            URI favicon = page.resolve("/favicon.ico");
            HttpResponse<byte[]> response = send(favicon);
            if (response.statusCode() == 200) transferred.put(favicon, fetched(response));
        }

        long total = total(transferred);
        StringBuilder lines = new StringBuilder();
        transferred.forEach((uri, f) -> lines.append("  %7d B  %-5s %-28s %s%n".formatted(f.wireBytes, f.gzip ? "gzip" : "plain",
                f.contentType, uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))));
        System.out.printf("%s (%s) over HTTP with gzip: %d resources, %.1f KB on the wire (budget %d KB)%n%s",
                name, path, transferred.size(), total / 1024.0, BUDGET_BYTES / 1024, lines);

        assertThat(transferred.keySet()).as("the page's own stylesheet and its site's colours are fetched with it")
                .anyMatch(u -> u.getPath().endsWith("/css/balai.css"))
                .anyMatch(u -> u.getPath().endsWith("/tema.css"));
        return transferred;
    }

    private static long total(Map<URI, Fetched> transferred) {
        return transferred.values().stream().mapToLong(Fetched::wireBytes).sum();
    }

    private static void collect(Pattern pattern, String text, URI base, Map<URI, Boolean> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) add(m.group(1), base, into);
    }

    private static void add(String found, URI base, Map<URI, Boolean> into) {
        String ref = found.replace("&amp;", "&");
        if (ref.startsWith("data:") || ref.startsWith("#") || ref.contains("tile.openstreetmap.org")) return;
        URI uri = base.resolve(ref);
        if (!"localhost".equals(uri.getHost())) return;
        into.put(uri, true);
    }

    private record Fetched(long wireBytes, boolean gzip, String contentType, String text) {}

    private Fetched fetch(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(uri);
        assertThat(response.statusCode()).as("GET " + uri).isEqualTo(200);
        return fetched(response);
    }

    private HttpResponse<byte[]> send(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Fetched fetched(HttpResponse<byte[]> response) throws IOException {
        byte[] body = response.body();
        boolean gzip = response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent();
        byte[] plain = gzip ? new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes() : body;
        return new Fetched(body.length, gzip, response.headers().firstValue("Content-Type").orElse("-"),
                new String(plain, StandardCharsets.UTF_8));
    }
}
