package id.balai.open311.outbound;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** db-scheduler runs each on one node at a time (a database lock), so a report is never sent twice at once. */
@Configuration(proxyBeanMethods = false)
class OutboundTasks {

    @Bean
    RecurringTask<Void> open311Forwarding(Forwarder forwarder, Clock clock,
            @Value("${balai.open311.outbound.send-every:1m}") Duration every) {
        // one batch a run (50 a minute by default) is far more than a city forwards
        return Tasks.recurring("open311-forwarding", FixedDelay.of(every)).execute((instance, context) -> forwarder.sendDue(clock.instant()));
    }

    @Bean
    RecurringTask<Void> open311UpdatePolling(UpdatePoller poller, Clock clock,
            @Value("${balai.open311.outbound.poll-every:10m}") Duration every) {
        return Tasks.recurring("open311-update-polling", FixedDelay.of(every)).execute((instance, context) -> poller.pollAll(clock.instant()));
    }
}
