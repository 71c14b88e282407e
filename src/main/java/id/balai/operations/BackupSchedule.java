package id.balai.operations;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import id.balai.platform.BalaiProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BackupSchedule {

    static final String TASK_NAME = "daily-backup";

    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

    /**
     * A backup every day at {@code balai.backup.daily-at} (02:00) in the city's time zone, whatever the
     * server's clock zone. db-scheduler runs it on one node only, and records failures in its table.
     */
    @Bean
    @ConditionalOnProperty(name = "balai.backup.daily", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> dailyBackup(BackupService backups, BackupProperties properties, BalaiProperties balai) {
        return Tasks.recurring(TASK_NAME, Schedules.daily(balai.timeZone(), properties.dailyAt()))
                .execute((instance, context) -> {
                    try {
                        backups.createBackup();
                    } catch (BackupService.BackupInProgressException busy) {
                        log.info("Daily backup skipped: a backup started on request is running now");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
