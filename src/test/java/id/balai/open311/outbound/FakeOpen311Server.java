package id.balai.open311.outbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Another city's or province's Open311 GeoReport v2 server, as faithful as a test needs: POST
 * requests answering a list of one request with its service_request_id (or a token first, exchanged at
 * GET tokens/{token}), the spec's error list with 400 or 403, mySociety's servicerequestupdates, and GET
 * requests by service_request_id. Answers in XML or JSON by the path's suffix, as the spec says. A real
 * HTTP server on 127.0.0.1 with a free port; every request is recorded.
 */
final class FakeOpen311Server implements AutoCloseable {

    enum PostMode { NUMBER, TOKEN, ERROR_400, ERROR_403, SAME_ID, LONG_ID }

    record Received(String method, String path, List<Map.Entry<String, String>> params) {

        String param(String name) {
            return params.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
        }

        boolean has(String name) {
            return params.stream().anyMatch(e -> e.getKey().equals(name));
        }
    }

    /** One mySociety request_update. */
    record Update(String updateId, String requestId, String status, String datetime, String description) {}

    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<Update> updates = new CopyOnWriteArrayList<>();
    /** GET requests answers by id: status, updated_datetime, status_notes. */
    final Map<String, String[]> requests = new java.util.concurrent.ConcurrentHashMap<>();
    volatile PostMode postMode = PostMode.NUMBER;
    volatile boolean updatesSupported = true;
    /** So many requests are answered 503 first (a system that is down). */
    final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger numbers = new AtomicInteger(100);
    private final HttpServer server;

    FakeOpen311Server() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/georeport/v2/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/georeport/v2/";
    }

    List<Received> posts() {
        return received.stream().filter(r -> r.method().equals("POST")).toList();
    }

    List<Received> gets(String resource) {
        return received.stream().filter(r -> r.method().equals("GET") && r.path().startsWith(resource)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/georeport/v2/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        Received r = new Received(exchange.getRequestMethod(), path, form(exchange.getRequestMethod().equals("POST") ? body : query));
        received.add(r);
        boolean json = path.endsWith(".json");
        String resource = path.substring(0, path.lastIndexOf('.'));
        if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, 503, "text/plain", "Service Unavailable");
            return;
        }
        if (r.method().equals("POST") && resource.equals("requests")) {
            switch (postMode) {
                case ERROR_400 -> error(exchange, json, 400, "attribute[kedalaman] wajib diisi");
                case ERROR_403 -> error(exchange, json, 403, "api_key tidak sah");
                case TOKEN -> list(exchange, json, "service_requests", "request", List.of(Map.of("token", "tok-" + numbers.incrementAndGet())));
                case SAME_ID -> list(exchange, json, "service_requests", "request", List.of(Map.of("service_request_id", "EXT-SAMA")));
                case LONG_ID -> list(exchange, json, "service_requests", "request", List.of(Map.of("service_request_id", "X".repeat(300))));
                case NUMBER -> list(exchange, json, "service_requests", "request",
                        List.of(Map.of("service_request_id", "EXT-" + numbers.incrementAndGet(), "service_notice", "Diterima")));
            }
        } else if (r.method().equals("GET") && resource.startsWith("tokens/")) {
            String token = resource.substring("tokens/".length());
            list(exchange, json, "service_requests", "request", List.of(Map.of("token", token, "service_request_id", "EXT-" + token)));
        } else if (r.method().equals("GET") && resource.equals("servicerequestupdates") && updatesSupported) {
            List<Map<String, String>> items = new ArrayList<>();
            for (Update u : updates) {
                items.add(Map.of("update_id", u.updateId(), "service_request_id", u.requestId(), "status", u.status(),
                        "updated_datetime", u.datetime(), "description", u.description(), "media_url", ""));
            }
            list(exchange, json, "service_request_updates", "request_update", items);
        } else if (r.method().equals("GET") && resource.equals("requests")) {
            List<Map<String, String>> items = new ArrayList<>();
            for (String id : r.param("service_request_id").split(",")) {
                String[] known = requests.get(id);
                if (known != null) {
                    items.add(Map.of("service_request_id", id, "status", known[0], "updated_datetime", known[1], "status_notes", known[2],
                            "service_code", "ROAD"));
                }
            }
            list(exchange, json, "service_requests", "request", items);
        } else {
            error(exchange, json, 404, "tidak ada: " + resource);
        }
    }

    private static void error(HttpExchange exchange, boolean json, int code, String description) throws IOException {
        list(exchange, json, code, "errors", "error", List.of(Map.of("code", String.valueOf(code), "description", description)));
    }

    private static void list(HttpExchange exchange, boolean json, String root, String item, List<Map<String, String>> items) throws IOException {
        list(exchange, json, 200, root, item, items);
    }

    private static void list(HttpExchange exchange, boolean json, int status, String root, String item, List<Map<String, String>> items)
            throws IOException {
        StringBuilder s = new StringBuilder();
        if (json) {
            s.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) s.append(',');
                s.append('{');
                int j = 0;
                for (Map.Entry<String, String> e : new LinkedHashMap<>(items.get(i)).entrySet()) {
                    if (j++ > 0) s.append(',');
                    s.append('"').append(e.getKey()).append("\":\"").append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
                s.append('}');
            }
            s.append(']');
        } else {
            s.append("<?xml version=\"1.0\" encoding=\"utf-8\"?><").append(root).append('>');
            for (Map<String, String> fields : items) {
                s.append('<').append(item).append('>');
                fields.forEach((k, v) -> s.append('<').append(k).append('>').append(v.replace("&", "&amp;").replace("<", "&lt;"))
                        .append("</").append(k).append('>'));
                s.append("</").append(item).append('>');
            }
            s.append("</").append(root).append('>');
        }
        answer(exchange, status, json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8", s.toString());
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static List<Map.Entry<String, String>> form(String encoded) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) return params;
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq), v = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(Map.entry(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8)));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
