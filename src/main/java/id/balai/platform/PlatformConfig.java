package id.balai.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfig {

    /** One clock for the whole application so that tests can move time (SLA, auto-close). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
