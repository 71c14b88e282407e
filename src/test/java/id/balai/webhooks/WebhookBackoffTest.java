package id.balai.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The waits between attempts with the production settings: doubling from a minute, capped, jittered, about a day in all. */
class WebhookBackoffTest {

    private final WebhookSettings defaults = WebhookTargetsTest.settings(false, false);
    private final WebhookDispatcher dispatcher = new WebhookDispatcher(null, null, defaults, Clock.systemUTC());

    @AfterEach
    void stop() {
        dispatcher.stop();
    }

    @Test
    void waitsDoubleFromAMinuteUpToSixHoursWithAtMostAQuarterOfJitter() {
        assertThat(dispatcher.backoff(1)).isBetween(Duration.ofMinutes(1), Duration.ofSeconds(75));
        assertThat(dispatcher.backoff(2)).isBetween(Duration.ofMinutes(2), Duration.ofSeconds(150));
        assertThat(dispatcher.backoff(4)).isBetween(Duration.ofMinutes(8), Duration.ofMinutes(10));
        assertThat(dispatcher.backoff(11)).isBetween(Duration.ofHours(6), Duration.ofMinutes(450));
        assertThat(dispatcher.backoff(1000)).as("no overflow").isBetween(Duration.ofHours(6), Duration.ofMinutes(450));
    }

    @Test
    void theAttemptsRunOutAfterAboutADay() {
        Duration least = Duration.ZERO;
        for (int attempt = 1; attempt < defaults.maxAttempts(); attempt++) {
            least = least.plus(Duration.ofMillis(Math.min(defaults.maxBackoff().toMillis(), defaults.backoffBase().toMillis() << (attempt - 1))));
        }
        assertThat(defaults.maxAttempts()).isEqualTo(12);
        assertThat(least).isBetween(Duration.ofHours(18), Duration.ofHours(24));
    }
}
