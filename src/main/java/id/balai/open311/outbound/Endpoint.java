package id.balai.open311.outbound;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * Another Open311 system. {@code apiKey} is a secret: it goes into requests and nowhere else (not into
 * logs, not back onto a page: {@code keyHint} tells keys apart). {@code baseUrl} ends with a slash.
 */
record Endpoint(long id, String name, String baseUrl, String apiKey, String keyHint, String jurisdictionId, String format,
        boolean active, Instant polledUntil) {

    static final int MAX_NAME = 60;

    @Override
    public String toString() { // keeps the key out of any log line or exception message that prints this
        return "Endpoint[" + id + ", " + name + "]";
    }

    /**
     * The base URL as stored (with a final slash), or null when it is not an absolute http(s) URL without
     * user info, query or fragment: other schemes (file:, jar:, gopher: …) could read what they should not.
     */
    static String normaliseBaseUrl(String value) {
        if (value == null || value.isBlank() || value.strip().length() > 480) return null;
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return null;
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) return null;
            String url = uri.toString();
            return url.endsWith("/") ? url : url + "/";
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
