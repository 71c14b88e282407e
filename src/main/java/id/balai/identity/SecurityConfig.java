package id.balai.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Who may reach what. Citizen pages are public; {@code /staf/**} needs a staff log-in; what a staff
 * member may do to a particular report is decided again in the reports module for every action.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt behind a delegating encoder: the hash records its algorithm, so it can be upgraded later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Counts password attempts before Spring Security sees them (form log-in and HTTP Basic alike). */
    @Bean
    FilterRegistrationBean<LoginRateLimiter> loginRateLimiter(@Value("${balai.login.attempts:10}") int attempts,
            @Value("${balai.login.window:1m}") java.time.Duration window) {
        FilterRegistrationBean<LoginRateLimiter> registration = new FilterRegistrationBean<>(new LoginRateLimiter(attempts, window));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /**
     * Keeps the bcrypt hash out of the session: the authenticated principal is a copy without it.
     */
    @Bean
    DaoAuthenticationProvider staffAuthentication(UserDetailsService staff, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(staff) {
            @Override
            protected Authentication createSuccessAuthentication(Object principal, Authentication authentication, UserDetails user) {
                Object safe = principal instanceof StaffPrincipal p ? p.withoutSecret() : principal;
                return super.createSuccessAuthentication(safe, authentication, user);
            }
        };
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    /** Metrics for scrapers: HTTP Basic, no session; health is public. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 200)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(StaffRole.CITY_ADMIN.name()))
                .httpBasic(basic -> basic.realmName("Balai"))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, StaffAccounts accounts) throws Exception {
        http.addFilterBefore(new StaffSessionCheck(accounts), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/admin/**").hasRole(StaffRole.CITY_ADMIN.name())
                        .requestMatchers("/staf/masuk").permitAll()
                        .requestMatchers("/staf/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/staf/masuk").defaultSuccessUrl("/staf", false)
                        .failureUrl("/staf/masuk?gagal").permitAll())
                .logout(logout -> logout.logoutUrl("/staf/keluar").logoutSuccessUrl("/?keluar"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: blob: https://tile.openstreetmap.org; "
                                        + "style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                                        + "base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                ;
        return http.build();
    }
}
