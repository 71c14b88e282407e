package id.balai.open311;

import id.balai.platform.BalaiProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code jurisdiction_id}: optional, as the spec allows for an endpoint that serves one jurisdiction. When
 * a client sends one it must name this install, by the host name of its public address (the usual
 * Open311 convention, e.g. {@code balai.astina.go.id}) or by an id the city configured
 * ({@code balai.open311.jurisdiction-ids}, e.g. its kode wilayah); any other is the spec's 404, so a
 * client pointed at the wrong city learns it instead of reading or filing into this one.
 */
@Configuration
class Open311Jurisdictions implements WebMvcConfigurer {

    private final Set<String> accepted = new LinkedHashSet<>();

    Open311Jurisdictions(BalaiProperties properties, @Value("${balai.open311.jurisdiction-ids:}") List<String> configured) {
        String host = URI.create(properties.publicBaseUrl()).getHost();
        if (host != null) accepted.add(host.toLowerCase(Locale.ROOT));
        configured.stream().map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).forEach(accepted::add);
    }

    /** The ids a client may send, for the partner page. */
    Set<String> accepted() {
        return accepted;
    }

    boolean accepts(String jurisdiction) {
        return jurisdiction == null || jurisdiction.isBlank() || accepted.contains(jurisdiction.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!(handler instanceof HandlerMethod)) return true; // the published schema files
                String jurisdiction = request.getParameter("jurisdiction_id");
                if (!accepts(jurisdiction)) {
                    throw new Open311Exception(Open311HttpErrors.formatOf(request.getRequestURI()), 404,
                            "open311.error.jurisdiction.unknown", jurisdiction, String.join(", ", accepted));
                }
                return true;
            }
        }).addPathPatterns(Open311Controller.BASE + "/**");
    }
}
