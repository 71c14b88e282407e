package id.balai.webhooks;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** db-scheduler runs each on one node at a time: sending what is due, and pruning the delivered log. */
@Configuration(proxyBeanMethods = false)
class WebhookTasks {

    @Bean
    RecurringTask<Void> webhookDelivery(WebhookDispatcher dispatcher, WebhookSettings settings) {
        return Tasks.recurring("webhook-delivery", FixedDelay.of(settings.runEvery())).execute((instance, context) -> dispatcher.runDue());
    }

    @Bean
    RecurringTask<Void> webhookLogPrune(Deliveries deliveries, WebhookSettings settings, Clock clock) {
        return Tasks.recurring("webhook-log-prune", FixedDelay.of(Duration.ofHours(6)))
                .execute((instance, context) -> deliveries.prune(clock.instant().minus(settings.keepDelivered())));
    }
}
