package id.balai.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A private in-memory H2 database in PostgreSQL mode, as the app's tests configure it. */
public final class H2TestDatabase implements AutoCloseable {

    private final String url;
    private final JdbcDataSource dataSource = new JdbcDataSource();

    public H2TestDatabase() {
        this.url = "jdbc:h2:mem:balai_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        dataSource.setURL(url);
    }

    public String jdbcUrl() {
        return url;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Frees the database (DB_CLOSE_DELAY=-1 keeps it until shut down). */
    @Override
    public void close() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("shutdown");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
