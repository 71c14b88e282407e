package id.balai.platform;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Re-delivers events whose listener failed (an SMTP server that was down, say) without waiting for a
 * restart. Only publications older than the retry age are resubmitted, so a listener still working on
 * one is not run twice; db-scheduler makes one node do it.
 */
@Configuration(proxyBeanMethods = false)
class EventRetry {

    @Bean
    RecurringTask<Void> eventPublicationRetry(IncompleteEventPublications incomplete,
            @Value("${balai.events.retry-every:10m}") Duration every,
            @Value("${balai.events.retry-older-than:5m}") Duration olderThan) {
        return Tasks.recurring("event-publication-retry", FixedDelay.of(every))
                .execute((instance, context) -> incomplete.resubmitIncompletePublicationsOlderThan(olderThan));
    }
}
