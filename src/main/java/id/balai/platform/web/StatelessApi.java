package id.balai.platform.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A filter chain for an API other systems call (Open311, CKAN): open to everybody, no session, no CSRF token.
 * Whatever an API changes, it authorises itself (Open311's POST checks the partner's key).
 */
public final class StatelessApi {

    private StatelessApi() {}

    public static SecurityFilterChain chain(HttpSecurity http, String paths) throws Exception {
        http.securityMatcher(paths)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
