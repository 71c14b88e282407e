package id.balai.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A kelurahan or OPD site with its own host name (sukamaju.astinakota.go.id) is served at that host's root:
 * a request for {@code /berita} on that host is handled as {@code /kelurahan/sukamaju/berita}. Only the
 * site's own paths are mapped; everything else (reports, staff pages, images, styles) is the same on every
 * host, and the site's links, which carry its full path, work there too.
 */
@Configuration
class SiteHosts {

    /** A site's own paths: its home, its sections and items, map, search, feeds and colours. */
    private static final Pattern SITE_PATH = Pattern.compile(
            "/|/(" + ItemKind.SEGMENTS + ")(/[^/]+)?|/peta|/peta\\.json|/cari|/rss\\.xml|/atom\\.xml|/agenda\\.ics|/tema\\.css");

    /** Before Spring Security (order -100), so every rule and filter sees the site's path. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> siteHostFilter(Sites sites) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(mapped(sites, request).orElse(request), response);
            }
        });
        registration.setOrder(-200);
        registration.setName("siteHosts");
        return registration;
    }

    static Optional<HttpServletRequest> mapped(Sites sites, HttpServletRequest request) {
        String host = request.getServerName();
        if (host == null || !request.getContextPath().isEmpty()) return Optional.empty();
        String path = request.getRequestURI();
        if (!SITE_PATH.matcher(path).matches()) return Optional.empty();
        return sites.byHost(host).filter(s -> s.kind() != SiteKind.CITY).map(site -> {
            String siteBase = site.base();
            String inner = "/".equals(path) ? siteBase : siteBase + path;
            return new HttpServletRequestWrapper(request) {
                @Override
                public String getRequestURI() {
                    return inner;
                }

                @Override
                public String getServletPath() {
                    return inner;
                }

                @Override
                public String getPathInfo() {
                    return null;
                }

                @Override
                public StringBuffer getRequestURL() {
                    StringBuffer url = new StringBuffer(request.getScheme()).append("://").append(host);
                    int port = request.getServerPort();
                    if (port > 0 && port != 80 && port != 443) url.append(':').append(port);
                    return url.append(inner);
                }
            };
        });
    }
}
