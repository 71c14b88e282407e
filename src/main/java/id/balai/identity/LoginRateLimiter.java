package id.balai.identity;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits password attempts per client address and per user name, so that guessing is slow whether it
 * targets one account from many places or many accounts from one place. It counts the log-in form and
 * every request carrying HTTP Basic credentials (metrics scrapers, backup scripts). It runs before
 * Spring Security. The client address is the connection's; behind a reverse proxy set
 * {@code server.forward-headers-strategy=native} so that it is the real client's.
 */
class LoginRateLimiter extends OncePerRequestFilter {

    static final String LOGIN_PATH = "/staf/masuk";
    private static final int MAX_TRACKED = 50_000;

    private final int attempts;
    private final Duration window;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code attempts} per {@code window}, refilled gradually. */
    LoginRateLimiter(int attempts, Duration window) {
        this.attempts = attempts;
        this.window = window;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = attemptedUser(request);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        if (buckets.size() > MAX_TRACKED) forgetIdle();
        boolean allowed = bucket("ip:" + request.getRemoteAddr()).tryConsume(1) & bucket("user:" + user).tryConsume(1);
        if (allowed) {
            chain.doFilter(request, response);
        } else if (isFormLogin(request)) {
            response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?terlalu-sering");
        } else {
            response.setHeader("Retry-After", "60");
            response.sendError(429, "Too many attempts");
        }
    }

    /** The user name a request tries to log in as, or null when it carries no credentials. */
    private static String attemptedUser(HttpServletRequest request) {
        if (isFormLogin(request)) {
            return String.valueOf(request.getParameter("username")).trim().toLowerCase(Locale.ROOT);
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return (colon < 0 ? decoded : decoded.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        return null;
    }

    private static boolean isFormLogin(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && LOGIN_PATH.equals(path);
    }

    /** Drops buckets that are full again (nobody tried for a while): they hold no information. */
    private void forgetIdle() {
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= attempts);
    }

    private Bucket bucket(String key) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, window).build())
                .build());
    }
}
