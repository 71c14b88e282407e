package id.balai.opendata;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The CKAN API only reads and answers everybody: no session, no CSRF token, so that CKAN clients may POST
 * their calls as they do by default (a POST changes nothing here).
 */
@Configuration
class CkanApiSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 310)
    SecurityFilterChain ckanApiFilterChain(HttpSecurity http) throws Exception {
        return id.balai.platform.web.StatelessApi.chain(http, CkanApiController.BASE + "**");
    }
}
