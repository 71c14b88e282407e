package id.balai.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

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

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http,
            @Value("${balai.login.attempts-per-minute:10}") int attemptsPerMinute) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(StaffRole.CITY_ADMIN.name())
                        .requestMatchers("/admin/**").hasRole(StaffRole.CITY_ADMIN.name())
                        .requestMatchers("/staf/masuk").permitAll()
                        .requestMatchers("/staf/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/staf/masuk").defaultSuccessUrl("/staf", false)
                        .failureUrl("/staf/masuk?gagal").permitAll())
                .logout(logout -> logout.logoutUrl("/staf/keluar").logoutSuccessUrl("/?keluar"))
                .httpBasic(basic -> basic.realmName("Balai"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: blob: https://tile.openstreetmap.org; "
                                        + "style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                                        + "base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new LoginRateLimiter(attemptsPerMinute), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }
}
