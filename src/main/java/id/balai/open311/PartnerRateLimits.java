package id.balai.open311;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Requests per minute per key, as a token bucket on this node: a partner may burst up to its limit, then
 * gets one request every 60/limit seconds. With several nodes each counts its own share.
 */
@Component
class PartnerRateLimits {

    private final Clock clock;
    private final ConcurrentMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

    PartnerRateLimits(Clock clock) {
        this.clock = clock;
    }

    /** 0 when the request may go ahead (and is counted), else the whole seconds to wait before the next one. */
    long secondsToWait(ApiKeys.Partner partner) {
        Bucket bucket = buckets.computeIfAbsent(partner.id(), id -> new Bucket());
        return bucket.take(partner.requestsPerMinute(), clock.millis());
    }

    private static final class Bucket {
        private double tokens = -1;
        private long at;

        synchronized long take(int perMinute, long now) {
            double perMilli = perMinute / 60_000.0;
            if (tokens < 0) tokens = perMinute; // a new bucket starts full
            else tokens = Math.min(perMinute, tokens + (now - at) * perMilli);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perMilli / 1000));
        }
    }
}
