package id.balai.identity;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits log-in attempts per client address and per user name, so that guessing passwords is slow
 * whether it targets one account from many places or many accounts from one place.
 */
class LoginRateLimiter extends OncePerRequestFilter {

    static final String LOGIN_PATH = "/staf/masuk";

    private final int perMinute;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    LoginRateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && LOGIN_PATH.equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.size() > 50_000) buckets.clear();
        String user = String.valueOf(request.getParameter("username")).trim().toLowerCase(Locale.ROOT);
        boolean allowed = bucket("ip:" + request.getRemoteAddr()).tryConsume(1) & bucket("user:" + user).tryConsume(1);
        if (!allowed) {
            response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?terlalu-sering");
            return;
        }
        chain.doFilter(request, response);
    }

    private Bucket bucket(String key) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }
}
