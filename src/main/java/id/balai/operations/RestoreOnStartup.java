package id.balai.operations;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The restore command: {@code java -jar balai.jar --balai.restore=<backup.zip> [--balai.restore.force=true]}
 * (or {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--balai.restore=<backup.zip>}).
 *
 * <p>It is the normal start command with one more argument, so it reads the same settings
 * ({@code BALAI_DATA_DIR}, {@code BALAI_DB_URL}, {@code application.properties}) as the Balai it restores
 * for. It runs while the application context is being prepared: as a bean-factory post-processor it runs
 * before any bean exists, so before the database is opened, Flyway migrates, jobs start or the web server
 * listens. It restores, reports, and ends the process (exit status 0 restored, 2 refused, 1 failed); Balai
 * is then started again normally, without the argument.
 */
@Component
class RestoreOnStartup implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    static final String BACKUP_PROPERTY = "balai.restore";
    static final String FORCE_PROPERTY = "balai.restore.force";
    static final int RESTORED = 0;
    static final int FAILED = 1;
    static final int REFUSED = 2;

    private static final Logger log = LoggerFactory.getLogger(RestoreOnStartup.class);

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String backup = environment.getProperty(BACKUP_PROPERTY);
        if (backup == null || backup.isBlank()) return;
        int status = run(environment, Path.of(backup.trim()));
        // Nothing has been created yet (no pool, no threads, no port): ending here leaves nothing half-open.
        System.exit(status);
    }

    /** Restores as the settings in {@code environment} say, logs the outcome and answers the exit status. */
    static int run(Environment environment, Path backup) {
        boolean force = environment.getProperty(FORCE_PROPERTY, Boolean.class, false);
        Path dataDir = Path.of(environment.getProperty("balai.data-dir", "./data"));
        String url = environment.getProperty("spring.datasource.url");
        ZoneId zone = ZoneId.of(environment.getProperty("balai.time-zone", "Asia/Jakarta"));
        RestoreCommand.Target target = RestoreCommand.Target.of(dataDir, url);
        log.info("Restore of {} into {} ({}){} started", backup.toAbsolutePath().normalize(), target.dataDir(),
                RestoreCommand.describe(target.database()), force ? ", replacing what is there," : "");
        try {
            RestoreCommand.Result result = new RestoreCommand(Clock.systemUTC(), zone).restore(backup, target, force);
            BackupManifest m = result.manifest();
            log.info("Restore finished: {} stored files ({}) restored; backup made {} by Balai {} on {}", result.files(),
                    BackupService.human(result.bytes()), m.createdAt(), m.appVersion(), m.databaseProduct());
            if (result.databaseRestored()) {
                log.info("Database restored to {} (rows at backup time: {})", target.h2DatabaseFile(), m.rowCounts());
            } else if (target.database() == RestoreCommand.DatabaseTarget.POSTGRESQL) {
                log.warn("The database is not in this backup: restore it with pg_restore from the dump made with it "
                        + "(see docs/operations.md)");
            } else {
                log.warn("The backup held no database ({}); only stored files were restored", m.databaseProduct());
            }
            if (result.movedAside() != null) log.info("The data that was there before is kept in {}", result.movedAside());
            log.info("Start Balai again normally, without --{}. Its database migrations run at start.", BACKUP_PROPERTY);
            return RESTORED;
        } catch (RestoreCommand.RestoreRefused refused) {
            log.error("Restore refused: {}", refused.getMessage());
            return REFUSED;
        } catch (Exception e) {
            log.error("Restore failed: {}", e.getMessage(), e);
            return FAILED;
        }
    }
}
