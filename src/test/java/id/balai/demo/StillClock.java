package id.balai.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stops the application clock, so that the seeding and the checks after it see the same "now" (a
 * deadline cannot pass between them). Import it in every test that should share the seeded context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StillClock {

    public static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Bean
    @Primary
    Clock stillClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
