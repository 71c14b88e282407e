package id.balai.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stops the application clock at {@link #NOW}, so that the seeding and the checks after it see the
 * same "now" (a deadline cannot pass between them). A test may move it, and must put it back. Import
 * it in every test that should share the seeded context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StillClock {

    public static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Bean
    @Primary
    Settable stillClock() {
        return new Settable();
    }

    public static final class Settable extends Clock {

        private volatile Instant instant = NOW;

        public void set(Instant to) {
            instant = to;
        }

        @Override
        public Instant instant() {
            return instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant, zone);
        }
    }
}
