package id.balai.reports.domain;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SchedulerTasks {

    /** db-scheduler picks each execution with a database lock, so several nodes never run it twice. */
    @Bean
    RecurringTask<Void> slaEnforcement(SlaEnforcer enforcer, @Value("${balai.sla.check-every:5m}") java.time.Duration every) {
        return Tasks.recurring("sla-enforcement", FixedDelay.of(every)).execute((instance, context) -> enforcer.run());
    }
}
