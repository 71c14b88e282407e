package id.balai.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Runs the app's Flyway migrations on a data source, as Boot does at start-up. */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration/common";

    private Migrations() {}

    public static MigrateResult apply(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(LOCATION).load().migrate();
    }
}
