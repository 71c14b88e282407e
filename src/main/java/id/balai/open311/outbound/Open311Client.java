package id.balai.open311.outbound;

import id.balai.platform.BoundedHttp;
import id.balai.platform.PublicAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speaks GeoReport v2 to another system: form-encoded POSTs and GETs with timeouts, no redirects
 * followed (a redirect could take the API key somewhere else), and answers in XML or JSON read into the
 * same flat shape: a list of items, each a map of its simple fields. Errors come back as the spec's
 * list of {code, description}, read into one line for the forwarding's last error.
 */
@Component
class Open311Client {

    /** Bigger answers are not read: nothing the spec returns to a forwarder comes near it. */
    private static final int MAX_ANSWER = 4 * 1024 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final Duration timeout;
    private final boolean allowPrivateTargets;

    Open311Client(@Value("${balai.open311.outbound.connect-timeout:5s}") Duration connectTimeout,
            @Value("${balai.open311.outbound.timeout:20s}") Duration timeout,
            @Value("${balai.open311.outbound.allow-private-targets:false}") boolean allowPrivateTargets) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.allowPrivateTargets = allowPrivateTargets;
    }

    /**
     * Why a host may not be sent to, or empty: like every target Balai connects to, another system must be
     * on the public internet ({@link PublicAddresses}), unless this install lives in a closed network
     * ({@code balai.open311.outbound.allow-private-targets}). Checked on entry and again before each request.
     */
    Optional<String> refusedHost(String host) {
        if (allowPrivateTargets || host == null) return Optional.empty();
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!PublicAddresses.isPublic(address)) return Optional.of(host + " is not a public internet address");
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty(); // not known yet: sending fails like any unreachable system, and is tried again
        }
    }

    /**
     * What came back. {@code items} for a 2xx answer; {@code error} for anything else: the other system's
     * error descriptions, or what went wrong on the way (no answer, unreadable answer).
     */
    record Answer(int status, List<Map<String, String>> items, String error) {

        boolean ok() {
            return error == null;
        }
    }

    /** POST {base}{path}.{format} with these form fields (repeated names are fine: attribute[x][]). */
    Answer post(Endpoint endpoint, String path, List<Map.Entry<String, String>> form) {
        HttpRequest request = HttpRequest.newBuilder(uri(endpoint, path, List.of())).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8").header("Accept", contentType(endpoint))
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        return send(endpoint, request);
    }

    /** GET {base}{path}.{format}?query (the API key and jurisdiction are added here). */
    Answer get(Endpoint endpoint, String path, List<Map.Entry<String, String>> query) {
        List<Map.Entry<String, String>> all = new ArrayList<>(query);
        if (endpoint.jurisdictionId() != null) all.add(Map.entry("jurisdiction_id", endpoint.jurisdictionId()));
        all.add(Map.entry("api_key", endpoint.apiKey()));
        HttpRequest request = HttpRequest.newBuilder(uri(endpoint, path, all)).timeout(timeout).header("Accept", contentType(endpoint))
                .GET().build();
        return send(endpoint, request);
    }

    private Answer send(Endpoint endpoint, HttpRequest request) {
        Optional<String> refused = refusedHost(request.uri().getHost());
        if (refused.isPresent()) return new Answer(0, List.of(), "refused: " + refused.get());
        BoundedHttp.Answer response;
        byte[] body;
        try {
            response = BoundedHttp.exchange(http, request, MAX_ANSWER, timeout.plusSeconds(10));
            if (response.tooLarge()) return new Answer(0, List.of(), "answer larger than " + MAX_ANSWER + " bytes");
            body = response.body();
        } catch (IOException e) {
            return new Answer(0, List.of(), "no answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, List.of(), "interrupted");
        }
        int status = response.status();
        List<Map<String, String>> items;
        try {
            items = parse(endpoint.format(), body);
        } catch (RuntimeException e) {
            items = null;
        }
        if (status >= 200 && status < 300) {
            return items == null ? new Answer(status, List.of(), "HTTP " + status + ": unreadable " + endpoint.format()) : new Answer(status, items, null);
        }
        String described = items == null ? "" : items.stream().map(i -> i.getOrDefault("description", "")).filter(d -> !d.isBlank())
                .collect(Collectors.joining("; "));
        return new Answer(status, List.of(), "HTTP " + status + (described.isEmpty() ? "" : ": " + described));
    }

    /** The items of a list answer (or the one object answered), each with its simple fields as text. */
    static List<Map<String, String>> parse(String format, byte[] body) {
        return "json".equals(format) ? parseJson(body) : parseXml(body);
    }

    private static List<Map<String, String>> parseJson(byte[] body) {
        JsonNode root = JSON.readTree(body);
        List<Map<String, String>> items = new ArrayList<>();
        if (root.isArray()) {
            for (JsonNode item : root) if (item.isObject()) items.add(fields(item));
        } else if (root.isObject()) {
            items.add(fields(root));
        } else {
            throw new IllegalArgumentException("not a JSON list or object");
        }
        return items;
    }

    private static Map<String, String> fields(JsonNode object) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) fields.put(e.getKey(), e.getValue().asString());
        }
        return fields;
    }

    /** The root's child elements are the items (service_requests/request, errors/error …), their children the fields. */
    private static List<Map<String, String>> parseXml(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // no DTDs, no external entities: the other system's answer must not make Balai read files or URLs
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
            List<Map<String, String>> items = new ArrayList<>();
            for (Node item = root.getFirstChild(); item != null; item = item.getNextSibling()) {
                if (!(item instanceof Element element)) continue;
                Map<String, String> fields = new LinkedHashMap<>();
                for (Node field = element.getFirstChild(); field != null; field = field.getNextSibling()) {
                    if (field instanceof Element f && !hasElements(f)) fields.put(f.getTagName(), f.getTextContent().strip());
                }
                items.add(fields);
            }
            return items;
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable XML", e);
        }
    }

    private static boolean hasElements(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element) return true;
        return false;
    }

    private static URI uri(Endpoint endpoint, String path, List<Map.Entry<String, String>> query) {
        String q = query.isEmpty() ? "" : "?" + encode(query);
        return URI.create(endpoint.baseUrl() + path + "." + endpoint.format() + q);
    }

    private static String contentType(Endpoint endpoint) {
        return "json".equals(endpoint.format()) ? "application/json" : "text/xml, application/xml";
    }

    private static String encode(List<Map.Entry<String, String>> fields) {
        return fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
