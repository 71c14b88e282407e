package id.balai.operations;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code balai.backup.*}.
 *
 * @param keep how many backups to keep under {@code <data-dir>/backups}; older ones are deleted after a
 *        new backup is written (at least 1)
 * @param daily whether db-scheduler makes a backup every day
 * @param dailyAt the local time (in {@code balai.time-zone}) of the daily backup
 */
@ConfigurationProperties("balai.backup")
record BackupProperties(Integer keep, Boolean daily, LocalTime dailyAt) {

    BackupProperties {
        if (keep == null) keep = 7;
        if (keep < 1) throw new IllegalArgumentException("balai.backup.keep must be at least 1");
        if (daily == null) daily = true;
        if (dailyAt == null) dailyAt = LocalTime.of(2, 0);
    }
}
