package id.balai.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Runs the app's Flyway migrations on a data source, as Boot does at start-up: the common scripts plus the
 * database's own folder ({@code db/migration/postgresql}: what only PostgreSQL can do, such as a full-text index).
 */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration/common";

    private Migrations() {}

    public static MigrateResult apply(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(LOCATION, vendorLocation(dataSource)).load().migrate();
    }

    /** How many versioned migrations the application ships for this database: every one must have run on a new one. */
    public static int count(DataSource dataSource) {
        return count(LOCATION) + count(vendorLocation(dataSource));
    }

    /** Boot's {vendor} placeholder for this database: h2 or postgresql. */
    static String vendorLocation(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return "classpath:db/migration/" + (product.contains("postgres") ? "postgresql" : "h2");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String location) {
        try {
            return new PathMatchingResourcePatternResolver().getResources(location + "/V*__*.sql").length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
