package id.balai.operations;

import id.balai.identity.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security for {@code /admin/api/**}, the endpoints for scripts. They need no CSRF token, and that is safe
 * because a browser cannot be made to call them on an admin's behalf:
 * <ul>
 *   <li>only HTTP Basic credentials sent with the request count: no session is read or created, so the
 *       admin's log-in cookie gives a forged request nothing;</li>
 *   <li>every request must carry the {@value #API_HEADER} header. A cross-site form cannot set a header, and
 *       a cross-site script that tries needs a CORS preflight that Balai never grants; so even HTTP Basic
 *       credentials a browser has cached cannot be replayed by another site.</li>
 * </ul>
 * Only {@code ROLE_CITY_ADMIN} passes. This chain is ordered before the identity module's main chain,
 * which keeps handling everything else.
 */
@Configuration(proxyBeanMethods = false)
class OperationsApiSecurity {

    /** The header a script must send, with any value, e.g. {@code -H 'X-Balai-Api: 1'}. */
    static final String API_HEADER = "X-Balai-Api";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 100)
    SecurityFilterChain operationsApiFilterChain(HttpSecurity http) throws Exception {
        RequestMatcher withoutApiHeader = request -> request.getHeader(API_HEADER) == null;
        http.securityMatcher("/admin/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(withoutApiHeader).denyAll()
                        .anyRequest().hasRole(StaffRole.CITY_ADMIN.name()))
                .httpBasic(basic -> basic.realmName("Balai"))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
