package id.balai.open311;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API is for other systems: no session, no CSRF token (POST carries the partner's API key, checked
 * by the controller), open to everybody for reading.
 */
@Configuration
class Open311Security {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 300)
    SecurityFilterChain open311FilterChain(HttpSecurity http) throws Exception {
        return id.balai.platform.web.StatelessApi.chain(http, Open311Controller.BASE + "/**");
    }
}
