package id.balai.open311;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Fetches the photo a partner names by {@code media_url}, without letting the server be turned against
 * its own network (SSRF): only http(s), no user info, every address the host resolves to must be a
 * public one (not loopback, private, link-local such as the cloud metadata address, carrier-grade NAT,
 * multicast or reserved), checked again for each redirect (at most 3, followed by hand), a short
 * timeout and a size cap. The JDK caches the lookup it checked (30 s by default), so the connection
 * goes to an address that was checked. What arrives is checked as a photo by its content later, like
 * an upload.
 */
@Component
class MediaFetcher {

    private static final int MAX_REDIRECTS = 3;

    /** Why a media_url gave no photo: a message key and its argument. */
    record Refusal(String messageKey, String detail) {}

    sealed interface Fetched permits Photo, Refused {}

    record Photo(byte[] bytes) implements Fetched {}

    record Refused(Refusal refusal) implements Fetched {}

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final boolean allowPrivate;
    private final long maxBytes;

    MediaFetcher(@Value("${balai.open311.media-url.allow-private:false}") boolean allowPrivate,
            @Value("${spring.servlet.multipart.max-file-size:12MB}") DataSize maxSize) {
        this.allowPrivate = allowPrivate;
        this.maxBytes = maxSize.toBytes();
    }

    Fetched fetch(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return refused("open311.error.media-url.invalid", url);
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<Refusal> unsafe = unsafe(uri);
            if (unsafe.isPresent()) return new Refused(unsafe.get());
            HttpResponse<InputStream> response;
            try {
                response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                        .header("Accept", "image/jpeg, image/png, image/*;q=0.8").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                return refused("open311.error.media-url.unreachable", uri.getHost());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return refused("open311.error.media-url.unreachable", uri.getHost());
            } catch (IllegalArgumentException e) {
                return refused("open311.error.media-url.invalid", url);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                close(response);
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) return refused("open311.error.media-url.status", String.valueOf(status));
                try {
                    uri = uri.resolve(new URI(location.get().strip()));
                } catch (URISyntaxException e) {
                    return refused("open311.error.media-url.invalid", location.get());
                }
                continue;
            }
            if (status != 200) {
                close(response);
                return refused("open311.error.media-url.status", String.valueOf(status));
            }
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) return refused("open311.error.media-url.large", DataSize.ofBytes(maxBytes).toMegabytes() + " MB");
                if (bytes.length == 0) return refused("open311.error.media-url.status", "0 bytes");
                return new Photo(bytes);
            } catch (IOException e) {
                return refused("open311.error.media-url.unreachable", uri.getHost());
            }
        }
        return refused("open311.error.media-url.redirects", String.valueOf(MAX_REDIRECTS));
    }

    private Optional<Refusal> unsafe(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of(new Refusal("open311.error.media-url.invalid", uri.toString()));
        }
        if (allowPrivate) return Optional.empty();
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) return Optional.of(new Refusal("open311.error.media-url.private", uri.getHost()));
            }
        } catch (UnknownHostException e) {
            return Optional.of(new Refusal("open311.error.media-url.unreachable", uri.getHost()));
        }
        return Optional.empty();
    }

    /** Whether an address is on the public internet (anything else is refused as a media_url target). */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) return false;
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return false; // unique local fc00::/7
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (mapped) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            if (first == 0) return false; // "this network"
            if (first == 100 && second >= 64 && second <= 127) return false; // carrier-grade NAT 100.64.0.0/10
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) return false; // IETF protocol assignments
            if (first == 198 && (second == 18 || second == 19)) return false; // benchmarking 198.18.0.0/15
            if (first >= 240) return false; // reserved and broadcast
        }
        return true;
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing more to read from it anyway
        }
    }

    private static Refused refused(String key, String detail) {
        return new Refused(new Refusal(key, detail));
    }
}
