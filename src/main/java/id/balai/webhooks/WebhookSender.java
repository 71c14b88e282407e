package id.balai.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Sends one delivery: a POST of the stored body, signed with the subscription's secret over the timestamp
 * and the body ({@code X-Balai-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">}), with short
 * connect and answer timeouts and no redirects followed. The answer's body is never read.
 */
@Component
class WebhookSender {

    static final String SIGNATURE = "X-Balai-Signature";
    static final String TIMESTAMP = "X-Balai-Timestamp";
    static final String EVENT_ID = "X-Balai-Event-Id";
    static final String EVENT_TYPE = "X-Balai-Event";

    private final WebhookSettings settings;
    private final WebhookTargets targets;
    private final Clock clock;
    private final HttpClient client;

    WebhookSender(WebhookSettings settings, WebhookTargets targets, Clock clock) {
        this.settings = settings;
        this.targets = targets;
        this.clock = clock;
        // HTTP/1.1: no h2c upgrade dance with subscribers' servers; redirects would lead past the address check.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout()).build();
    }

    /** How an attempt went: {@code status} is the HTTP status when there was an answer. */
    record Outcome(boolean delivered, Integer status, String error) {}

    Outcome send(Deliveries.Due due) {
        URI uri = WebhookTargets.parse(due.targetUrl()).orElse(null);
        if (uri == null) return new Outcome(false, null, "not an http(s) URL");
        Optional<String> refusal = targets.refusal(uri);
        if (refusal.isPresent()) return new Outcome(false, null, refusal.get());
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.readTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Balai-Webhooks/1")
                .header(EVENT_ID, due.eventId())
                .header(EVENT_TYPE, due.eventType())
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(due.secret(), timestamp, due.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(due.payload(), StandardCharsets.UTF_8)).build();
        try {
            // ofInputStream returns once the headers are in; closing it unread drops a body that may never end.
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new Outcome(true, status, null) : new Outcome(false, status, "HTTP " + status);
        } catch (HttpConnectTimeoutException e) {
            return new Outcome(false, null, "connect timeout");
        } catch (HttpTimeoutException e) {
            return new Outcome(false, null, "no answer within " + settings.readTimeout().toMillis() + " ms");
        } catch (ConnectException e) {
            return new Outcome(false, null, "connection refused");
        } catch (IOException e) {
            return new Outcome(false, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "interrupted");
        }
    }

    /** Hex HMAC-SHA256 of {@code timestamp + "." + body} with the secret's UTF-8 bytes as key. */
    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
