package id.balai.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Runs the app's Flyway migrations on a data source, as Boot does at start-up. */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration/common";

    private Migrations() {}

    public static MigrateResult apply(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(LOCATION).load().migrate();
    }

    /** How many versioned migrations the application ships: every one must have run on a new database. */
    public static int count() {
        try {
            return new PathMatchingResourcePatternResolver().getResources(LOCATION + "/V*__*.sql").length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
