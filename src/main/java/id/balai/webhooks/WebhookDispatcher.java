package id.balai.webhooks;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the due deliveries, a few at a time on its own threads (never the web requests' or the event
 * listeners'). A 2xx answer delivers; anything else is tried again after an exponentially growing wait
 * with jitter (1 min, 2, 4 … at most 6 h by default) until the attempts run out (about a day), then the
 * row is FAILED and waits for the admin's re-send. Logs carry ids and tracking codes, never secrets.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** Batches per run at most, so one run ends even when rows keep arriving. */
    static final int MAX_BATCHES = 10;

    private final Deliveries deliveries;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final Clock clock;
    private final ExecutorService pool;

    WebhookDispatcher(Deliveries deliveries, WebhookSender sender, WebhookSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "webhook-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Sends what is due now; the number of attempts made. */
    int runDue() {
        int attempts = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<Deliveries.Due> due = deliveries.due(clock.instant(), settings.batchSize());
            Set<Long> failing = ConcurrentHashMap.newKeySet();
            List<Future<Boolean>> running = new ArrayList<>();
            for (Deliveries.Due d : due) running.add(pool.submit(() -> attempt(d, failing)));
            for (Future<Boolean> f : running) {
                try {
                    if (f.get()) attempts++;
                } catch (ExecutionException e) {
                    log.warn("Webhook delivery failed unexpectedly", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return attempts;
                }
            }
            if (due.size() < settings.batchSize()) break;
        }
        return attempts;
    }

    /** One attempt at one row, unless another run took it or its subscriber already failed in this batch. */
    private boolean attempt(Deliveries.Due due, Set<Long> failing) {
        if (failing.contains(due.subscriptionId())) return false;
        Instant now = clock.instant();
        if (!deliveries.claim(due, now, now.plus(settings.lease()))) return false;
        WebhookSender.Outcome outcome = sender.send(due);
        Instant after = clock.instant();
        if (outcome.delivered()) {
            deliveries.delivered(due.id(), outcome.status(), after);
            log.info("Webhook {} for {} delivered to subscription {} (HTTP {})", due.eventType(), due.trackingCode(), due.subscriptionId(),
                    outcome.status());
            return true;
        }
        int attempts = due.attempts() + 1;
        Instant next = attempts >= settings.maxAttempts() ? null : after.plus(backoff(attempts));
        deliveries.failed(due.id(), outcome.status(), outcome.error(), next);
        if (next != null && failing.add(due.subscriptionId())) deliveries.postpone(due.subscriptionId(), after, next);
        log.info("Webhook {} for {} to subscription {} failed (attempt {}, {}){}", due.eventType(), due.trackingCode(), due.subscriptionId(),
                attempts, outcome.error(), next == null ? ": given up" : "");
        return true;
    }

    /** base × 2^(attempt-1), at most the maximum, plus up to a quarter more so retries of many rows spread out. */
    Duration backoff(int attempt) {
        long base = settings.backoffBase().toMillis();
        long max = settings.maxBackoff().toMillis();
        long wait = attempt >= 40 ? max : Math.min(max, base << Math.max(0, attempt - 1));
        if (wait < 0) wait = max;
        return Duration.ofMillis(wait + ThreadLocalRandom.current().nextLong(wait / 4 + 1));
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
