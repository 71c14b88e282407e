package id.balai.open311;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import id.balai.platform.BoundedHttp;
import id.balai.platform.PublicAddresses;
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
 * multicast or reserved), checked again for each redirect (at most 3, followed by hand), a deadline for
 * the whole exchange and a size cap ({@link BoundedHttp}). The JDK caches the lookup it checked (30 s by default), so the connection
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
            BoundedHttp.Answer answer;
            try {
                answer = BoundedHttp.exchange(http, HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                        .header("Accept", "image/jpeg, image/png, image/*;q=0.8").GET().build(), maxBytes, Duration.ofSeconds(20));
            } catch (IOException e) {
                return refused("open311.error.media-url.unreachable", uri.getHost());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return refused("open311.error.media-url.unreachable", uri.getHost());
            } catch (IllegalArgumentException e) {
                return refused("open311.error.media-url.invalid", url);
            }
            if (answer.tooLarge()) return refused("open311.error.media-url.large", DataSize.ofBytes(maxBytes).toMegabytes() + " MB");
            int status = answer.status();
            if (status >= 300 && status < 400) {
                Optional<String> location = answer.headers().firstValue("Location");
                if (location.isEmpty()) return refused("open311.error.media-url.status", String.valueOf(status));
                try {
                    uri = uri.resolve(new URI(location.get().strip()));
                } catch (URISyntaxException e) {
                    return refused("open311.error.media-url.invalid", location.get());
                }
                continue;
            }
            if (status != 200) return refused("open311.error.media-url.status", String.valueOf(status));
            if (answer.body().length == 0) return refused("open311.error.media-url.status", "0 bytes");
            return new Photo(answer.body());
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
                if (!PublicAddresses.isPublic(address)) return Optional.of(new Refusal("open311.error.media-url.private", uri.getHost()));
            }
        } catch (UnknownHostException e) {
            return Optional.of(new Refusal("open311.error.media-url.unreachable", uri.getHost()));
        }
        return Optional.empty();
    }

    private static Refused refused(String key, String detail) {
        return new Refused(new Refusal(key, detail));
    }
}
