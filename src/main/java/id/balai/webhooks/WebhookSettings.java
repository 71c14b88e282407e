package id.balai.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code balai.webhooks.*}. Plain http targets and private addresses are refused unless
 * allowed here (tests and a closed network allow them); the timings are settings so tests run fast.
 */
@ConfigurationProperties("balai.webhooks")
record WebhookSettings(boolean allowHttp, boolean allowPrivateTargets, Duration runEvery, int batchSize, int concurrency,
        Duration connectTimeout, Duration readTimeout, Duration backoffBase, Duration maxBackoff, int maxAttempts,
        Duration keepDelivered) {

    WebhookSettings {
        if (runEvery == null) runEvery = Duration.ofSeconds(30);
        if (batchSize <= 0) batchSize = 50;
        if (concurrency <= 0) concurrency = 4;
        if (connectTimeout == null) connectTimeout = Duration.ofSeconds(5);
        if (readTimeout == null) readTimeout = Duration.ofSeconds(10);
        if (backoffBase == null) backoffBase = Duration.ofMinutes(1);
        if (maxBackoff == null) maxBackoff = Duration.ofHours(6);
        if (maxAttempts <= 0) maxAttempts = 12;
        if (keepDelivered == null) keepDelivered = Duration.ofDays(30);
    }

    /**
     * How long a row being sent is held by the node sending it: longer than any one attempt can take, so
     * only a crashed run's rows are picked up again.
     */
    Duration lease() {
        return connectTimeout.plus(readTimeout).plusMinutes(1);
    }
}
