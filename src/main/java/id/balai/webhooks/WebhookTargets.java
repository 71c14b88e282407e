package id.balai.webhooks;

import id.balai.platform.PublicAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may be sent. The URL is typed by the city admin, but a subscription must still not turn
 * Balai into a way to reach its own network (SSRF): only http(s), plain http only when allowed (or to the
 * machine itself, which needs private targets allowed too), and unless private targets are allowed no host
 * that resolves to a loopback, link-local (cloud metadata), private, carrier-grade NAT, unique-local or
 * multicast address. Checked when the subscription is made and again before every delivery, since DNS can
 * change.
 */
@Component
class WebhookTargets {

    private final WebhookSettings settings;

    WebhookTargets(WebhookSettings settings) {
        this.settings = settings;
    }

    /** The message key of what is wrong with {@code url} as a new subscription's target; empty when it is fine. */
    Optional<String> problem(String url) {
        URI uri = parse(url).orElse(null);
        if (uri == null) return Optional.of("webhook.error.url");
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            // plain http to a host that does not resolve cannot be the machine itself: that is the clearer message
            return Optional.of(httpRefused(uri, null) ? "webhook.error.url.http" : "webhook.error.url.host");
        }
        if (httpRefused(uri, addresses)) return Optional.of("webhook.error.url.http");
        return forbidden(addresses).map(a -> "webhook.error.url.private");
    }

    /** Plain http is for the machine itself (tests, a local relay) or where it is allowed. */
    private boolean httpRefused(URI uri, InetAddress[] addresses) {
        if (!"http".equals(uri.getScheme()) || settings.allowHttp()) return false;
        return addresses == null || !Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
    }

    /** Why a delivery must not go to {@code url} now (for the delivery log); empty when it may. */
    Optional<String> refusal(URI uri) {
        try {
            return forbidden(InetAddress.getAllByName(uri.getHost())).map(a -> "target address not allowed: " + a.getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.of("unknown host");
        }
    }

    /** An absolute http(s) URL with a host, without user info or fragment, not too long. */
    static Optional<URI> parse(String url) {
        if (url == null || url.isBlank() || url.strip().length() > Subscriptions.MAX_URL) return Optional.empty();
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) return Optional.empty();
            if (!scheme.equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private Optional<InetAddress> forbidden(InetAddress[] addresses) {
        if (settings.allowPrivateTargets()) return Optional.empty();
        return Arrays.stream(addresses).filter(WebhookTargets::isInternal).findFirst();
    }

    /** Not on the public internet: the platform's one rule ({@link PublicAddresses}). */
    static boolean isInternal(InetAddress a) {
        return !PublicAddresses.isPublic(a);
    }
}
