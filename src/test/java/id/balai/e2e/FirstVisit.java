package id.balai.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A page weighed the way a first-time visitor's browser loads it: the page, then each once what the browser fetches
 * for it (the stylesheets, icons and preloads its links ask for, its scripts and images, what the CSS pulls in with
 * url() and @import, /favicon.ico when there is no icon link), all asked for with gzip. Bytes are counted as they
 * cross the wire, not unpacked, because the wire is what a cheap phone on a weak connection pays for. Only this
 * server's resources count: map tiles and other hosts are not the page's weight. The page weight tests share it so
 * that every budget is measured by the same rules.
 */
final class FirstVisit {

    /** One response as sent; {@code text} is the unpacked body, read to find what it references. */
    record Fetched(long wireBytes, boolean gzip, String contentType, String text) {}

    // A browser fetches a <link> only for these rels; feeds (alternate), canonical and other pages' links are not loaded.
    private static final Pattern LINK_TAG = Pattern.compile("<link\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern REL = Pattern.compile("\\srel=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("\\shref=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FETCHED_REL =
            Pattern.compile("\\b(stylesheet|icon|preload|modulepreload|manifest)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_OR_IMAGE =
            Pattern.compile("<(?:script[^>]*\\ssrc|img[^>]*\\ssrc)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");
    private static final Pattern CSS_IMPORT = Pattern.compile("@import\\s+['\"]([^'\"]+)['\"]");

    // Redirects are not followed: every resource must answer 200 itself, or the weight would hide a broken link.
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String path;
    private final Map<URI, Fetched> transferred = new LinkedHashMap<>();

    private FirstVisit(String path) {
        this.path = path;
    }

    /**
     * Loads {@code path} from the test server. {@code loadedByScript}: what the page's own scripts fetch, which no tag
     * names (a data attribute holding a URL, say): patterns over the HTML whose first group is such a URL.
     */
    static FirstVisit of(int port, String path, Pattern... loadedByScript) throws IOException, InterruptedException {
        FirstVisit visit = new FirstVisit(path);
        visit.load(URI.create("http://localhost:" + port + path), loadedByScript);
        return visit;
    }

    private void load(URI page, Pattern... loadedByScript) throws IOException, InterruptedException {
        Fetched html = fetch(page);
        transferred.put(page, html);

        Set<URI> resources = new LinkedHashSet<>();
        Matcher link = LINK_TAG.matcher(html.text());
        while (link.find()) {
            Matcher rel = REL.matcher(link.group());
            Matcher href = HREF.matcher(link.group());
            if (rel.find() && FETCHED_REL.matcher(rel.group(1)).find() && href.find()) add(href.group(1), page, resources);
        }
        collect(SCRIPT_OR_IMAGE, html.text(), page, resources);
        for (Pattern pattern : loadedByScript) collect(pattern, html.text(), page, resources);

        for (URI resource : resources) {
            if (transferred.containsKey(resource)) continue;
            Fetched f = fetch(resource);
            transferred.put(resource, f);
            if (resource.getPath().endsWith(".css") || f.contentType().startsWith("text/css")) {
                Set<URI> pulledIn = new LinkedHashSet<>();
                collect(CSS_URL, f.text(), resource, pulledIn);
                collect(CSS_IMPORT, f.text(), resource, pulledIn);
                for (URI u : pulledIn) if (!transferred.containsKey(u)) transferred.put(u, fetch(u));
            }
        }
        // Without an icon link a browser asks for /favicon.ico; count it when there is one.
        if (resources.stream().noneMatch(u -> u.getPath().contains("icon"))) {
            URI favicon = page.resolve("/favicon.ico");
            HttpResponse<byte[]> response = send(favicon);
            if (response.statusCode() == 200) transferred.put(favicon, fetched(response));
        }
    }

    /** The page itself, as fetched. */
    Fetched page() {
        return transferred.values().iterator().next();
    }

    /** Everything fetched, the page first, in the order a browser would meet it. */
    Set<URI> urls() {
        return transferred.keySet();
    }

    long wireBytes() {
        return transferred.values().stream().mapToLong(Fetched::wireBytes).sum();
    }

    /** Prints the total and a line a resource, so a budget that breaks shows what grew. */
    void printBreakdown(String name, long budgetBytes) {
        StringBuilder lines = new StringBuilder();
        transferred.forEach((uri, f) -> lines.append("  %7d B  %-5s %-28s %s%n".formatted(f.wireBytes(), f.gzip() ? "gzip" : "plain",
                f.contentType(), uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))));
        System.out.printf("%s (%s) over HTTP with gzip: %d resources, %.1f KB on the wire (budget %d KB)%n%s",
                name, path, transferred.size(), wireBytes() / 1024.0, budgetBytes / 1024, lines);
    }

    private static void collect(Pattern pattern, String text, URI base, Set<URI> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) add(m.group(1), base, into);
    }

    private static void add(String found, URI base, Set<URI> into) {
        String ref = found.replace("&amp;", "&");
        if (ref.startsWith("data:") || ref.startsWith("#") || ref.contains("tile.openstreetmap.org")) return;
        URI uri = base.resolve(ref);
        if ("localhost".equals(uri.getHost())) into.add(uri);
    }

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
        byte[] plain = gzip ? new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes() : body;
        return new Fetched(body.length, gzip, response.headers().firstValue("Content-Type").orElse("-"),
                new String(plain, StandardCharsets.UTF_8));
    }
}
