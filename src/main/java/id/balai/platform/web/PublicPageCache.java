package id.balai.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered bytes of a few busy public pages (the report list, the map data) for visitors who
 * are not logged in, so a crowd looking at the same list costs one rendering, not one each.
 *
 * <p>A kept page is served only while {@link PublicContent} has not moved since it was rendered, and
 * for at most {@code ttl} (the bound for changes made on another node). While one request renders a page
 * anew, others asking for it get the previous one (for at most {@code ttl} + 5 s). Pages are kept per path, parameters
 * and language, gzipped once. Nothing is kept that set a cookie or opened a session (a page holding a
 * CSRF token does both), nor any answer but 200. Logged-in staff always get a fresh page. Modules name
 * the pages that may be kept with a {@link Pages} bean; every other request passes untouched.
 */
public class PublicPageCache extends OncePerRequestFilter {

    /** Paths (exact, without query) and path prefixes whose anonymous GET answers may be kept. */
    public record Pages(Set<String> paths, Set<String> prefixes) {
        public static Pages of(String... paths) {
            return new Pages(Set.of(paths), Set.of());
        }

        /** Every path that starts with one of these (a site's pages under {@code /kelurahan/}). */
        public static Pages under(String... prefixes) {
            return new Pages(Set.of(), Set.of(prefixes));
        }
    }

    static final String LANGUAGE_COOKIE = "balai_lang";
    /** Where Spring MVC's SessionFlashMapManager keeps messages for the next request. */
    private static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})?");
    private static final int MAX_ENTRIES = 2000;
    private static final int MAX_PAGE_BYTES = 512 * 1024;
    private static final long MAX_TOTAL_BYTES = 8L * 1024 * 1024;
    /** How much older than the ttl a page may be to stand in while it is rendered anew. */
    private static final long STAND_IN_NANOS = Duration.ofSeconds(5).toNanos();

    private final Set<String> paths;
    private final List<String> prefixes;
    private final PublicContent content;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Page> pages = new ConcurrentHashMap<>();
    private final AtomicLong keptBytes = new AtomicLong();
    private final Set<String> rendering = ConcurrentHashMap.newKeySet();

    public PublicPageCache(List<Pages> pages, PublicContent content, Duration ttl) {
        this.paths = pages.stream().flatMap(p -> p.paths().stream()).collect(Collectors.toUnmodifiableSet());
        this.prefixes = pages.stream().flatMap(p -> p.prefixes().stream()).sorted().toList();
        this.content = content;
        this.ttlNanos = ttl.toNanos();
    }

    /** A kept answer: gzipped when that is smaller (nearly always), else as it was. */
    private record Page(long version, long renderedAt, String contentType, String cacheControl, String contentLanguage,
            byte[] body, boolean gzipped, List<String[]> headers) {
        long size() {
            return body.length;
        }

        Page withHeaders(List<String[]> written) {
            return new Page(version, renderedAt, contentType, cacheControl, contentLanguage, body, gzipped, written);
        }
    }

    /** Headers a kept answer sets itself; every other header the full chain wrote (security headers) is replayed. */
    private static final Set<String> OWN_HEADERS = Set.of("content-length", "content-type", "content-encoding", "content-language",
            "vary", "transfer-encoding", "date", "set-cookie", "connection", "keep-alive");

    /**
     * The front door: in front of every filter but the host mapping, a visitor who cannot be logged in (the
     * request carries no session cookie, and staff log in only through a session) gets a kept page straight
     * away, with the headers the full chain wrote when it was rendered. Three quarters of a kept answer's CPU
     * was the filter chain it did not need (bench/FINDINGS.md §11). Everything else, and every miss, goes
     * through the whole chain to {@link #doFilterInternal}.
     */
    public jakarta.servlet.Filter frontDoor() {
        return (req, res, chain) -> {
            HttpServletRequest request = (HttpServletRequest) req;
            if (ttlNanos > 0 && "GET".equals(request.getMethod()) && kept(request.getRequestURI()) && cannotBeLoggedIn(request)
                    && request.getParameter("lang") == null) {
                String language = language(request);
                Page page = language == null ? null : pages.get(key(language, request));
                if (page != null && page.headers() != null && page.version() == content.version()
                        && System.nanoTime() - page.renderedAt() < ttlNanos) {
                    servedAtTheDoor.increment();
                    HttpServletResponse response = (HttpServletResponse) res;
                    // what the whole chain wrote when it rendered the page (security headers, Cache-Control); the rest below
                    for (String[] h : page.headers()) {
                        if (response.containsHeader(h[0])) response.addHeader(h[0], h[1]);
                        else response.setHeader(h[0], h[1]);
                    }
                    write(page, request, response);
                    return;
                }
            }
            chain.doFilter(req, res);
        };
    }

    /** No session (staff log in only through one), no credentials of any other kind, nobody in the security context. */
    private static boolean cannotBeLoggedIn(HttpServletRequest request) {
        return request.getRequestedSessionId() == null && request.getSession(false) == null && request.getHeader("Authorization") == null
                && anonymous();
    }

    private final java.util.concurrent.atomic.LongAdder servedAtTheDoor = new java.util.concurrent.atomic.LongAdder();

    /** How many kept pages were served at the front door (they bypass the request timer). */
    public long servedAtTheDoor() {
        return servedAtTheDoor.sum();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ttlNanos <= 0 || !"GET".equals(request.getMethod()) || !kept(request.getRequestURI())
                || request.getParameter("lang") != null || !anonymous() || hasFlashMessage(request);
    }

    private boolean kept(String path) {
        if (paths.contains(path)) return true;
        for (String prefix : prefixes) if (path.startsWith(prefix)) return true;
        return false;
    }

    /** A message waiting for this visitor after a redirect (e.g. "tracking code not found") needs this very page. */
    private static boolean hasFlashMessage(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(FLASH_MAPS) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String language = language(request);
        if (language == null) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(language, request);
        long version = content.version();
        Page page = pages.get(key);
        long age = page == null ? Long.MAX_VALUE : System.nanoTime() - page.renderedAt();
        if (page != null && page.version() == version && age < ttlNanos) {
            write(page, request, response);
            return;
        }
        boolean renderer = rendering.add(key);
        if (!renderer && page != null && age < ttlNanos + STAND_IN_NANOS) {
            // Somebody is rendering this page anew: the previous one stands in meanwhile, or after every
            // change each of 64 waiting visitors would query and render the same page at once.
            write(page, request, response);
            return;
        }
        try {
            ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, capture);
            Page kept = keepable(request, capture) ? keep(key, version, capture) : null;
            capture.copyBodyToResponse();
            // Only now are the headers written on the way out (security headers) all on the response: kept for the front door.
            if (kept != null) pages.replace(key, kept, kept.withHeaders(replayed(response)));
        } finally {
            if (renderer) rendering.remove(key);
        }
    }

    /** Language, path and the parameters in a fixed order (the same filters in another order are the same page). */
    private static String key(String language, HttpServletRequest request) {
        StringBuilder key = new StringBuilder(language).append(' ').append(request.getRequestURI());
        char separator = '?';
        for (var parameter : new TreeMap<>(request.getParameterMap()).entrySet()) {
            for (String value : parameter.getValue()) {
                key.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return key.toString();
    }

    private static boolean anonymous() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken;
    }

    /** The language the page is rendered in: the language cookie's value, Indonesian without one. */
    private static String language(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return "-";
        String value = Arrays.stream(cookies).filter(c -> LANGUAGE_COOKIE.equals(c.getName())).map(Cookie::getValue)
                .reduce((a, b) -> a + "," + b).orElse("-");
        // an odd cookie value is rendered as the resolver decides; such a page is just not kept
        return value.equals("-") || LANGUAGE.matcher(value).matches() ? value : null;
    }

    private static boolean keepable(HttpServletRequest request, ContentCachingResponseWrapper response) {
        return response.getStatus() == 200 && response.getContentType() != null && !response.containsHeader("Set-Cookie")
                && request.getSession(false) == null && response.getContentSize() <= MAX_PAGE_BYTES;
    }

    private static List<String[]> replayed(HttpServletResponse response) {
        List<String[]> headers = new java.util.ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (OWN_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) continue;
            for (String value : response.getHeaders(name)) headers.add(new String[] {name, value});
        }
        return List.copyOf(headers);
    }

    private Page keep(String key, long version, ContentCachingResponseWrapper response) {
        byte[] plain = response.getContentAsByteArray();
        byte[] gzip = plain.length > 512 ? gzip(plain) : null;
        boolean gzipped = gzip != null && gzip.length < plain.length;
        Page page = new Page(version, System.nanoTime(), response.getContentType(), response.getHeader("Cache-Control"),
                response.getHeader("Content-Language"), gzipped ? gzip : plain, gzipped, null);
        // Over the bounds, the pages rendered longest ago go first: a stream of made-up parameters (?x=1, ?x=2 …)
        // then pushes out only its own kind, not the busy pages every visitor asks for.
        while (!pages.isEmpty() && (pages.size() >= MAX_ENTRIES || keptBytes.get() + page.size() > MAX_TOTAL_BYTES)) {
            pages.entrySet().stream().min(java.util.Comparator.comparingLong(e -> e.getValue().renderedAt()))
                    .ifPresent(oldest -> {
                        if (pages.remove(oldest.getKey(), oldest.getValue())) keptBytes.addAndGet(-oldest.getValue().size());
                    });
        }
        Page previous = pages.put(key, page);
        keptBytes.addAndGet(page.size() - (previous == null ? 0 : previous.size()));
        return page;
    }

    private static void write(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType(page.contentType());
        if (page.cacheControl() != null && !response.containsHeader("Cache-Control")) response.setHeader("Cache-Control", page.cacheControl());
        if (page.contentLanguage() != null) response.setHeader("Content-Language", page.contentLanguage());
        response.setHeader("Vary", "Accept-Encoding");
        byte[] body = page.body();
        if (page.gzipped()) {
            String accepts = request.getHeader("Accept-Encoding");
            if (accepts != null && accepts.contains("gzip")) response.setHeader("Content-Encoding", "gzip");
            else body = gunzip(body); // rare: every browser accepts gzip
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
