package id.balai.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh, empty PostgreSQL database for one test class, on the local server (127.0.0.1:5432, trust
 * auth, user {@code postgres}): {@code create database balai_test_<random>} before, {@code drop
 * database … with (force)} after.
 *
 * <p>When the server cannot be reached the tests are skipped with a clear message, unless the system
 * property {@code balai.require-postgres} is {@code true} (CI sets it), in which case they fail.
 *
 * <p>Plain JDBC test:
 * <pre>{@code
 * @RegisterExtension static final PostgresTestDatabase postgres = new PostgresTestDatabase();
 * ... postgres.dataSource() / postgres.jdbcUrl()
 * }</pre>
 *
 * <p>Spring test (add {@code @DirtiesContext} so that the context, and its pool, closes before the
 * database is dropped):
 * <pre>{@code
 * @SpringBootTest @DirtiesContext
 * class SomethingOnPostgresTest {
 *     @RegisterExtension static final PostgresTestDatabase postgres = new PostgresTestDatabase();
 *     @DynamicPropertySource static void db(DynamicPropertyRegistry r) { postgres.registerSpringDataSource(r); }
 * }
 * }</pre>
 *
 * <p>Outside JUnit, {@code try (var db = new PostgresTestDatabase()) { db.jdbcUrl(); … }} works too.
 */
public final class PostgresTestDatabase implements BeforeAllCallback, AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    public static final String USER = "postgres";
    /** Where {@code create database} is run. */
    public static final String ADMIN_URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres?user=" + USER;
    public static final String REQUIRE_PROPERTY = "balai.require-postgres";
    public static final String SKIP_MESSAGE =
            "PostgreSQL not reachable on " + HOST + ":" + PORT + ": PostgreSQL tests skipped (CI requires them)";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresTestDatabase.class);

    private final String host;
    private final int port;
    private final boolean required;
    private String name;
    private HikariDataSource dataSource;
    private boolean closed;

    /** The local server; required when {@code -Dbalai.require-postgres=true}. */
    public PostgresTestDatabase() {
        this(HOST, PORT, isRequired());
    }

    /** Another server (e.g. a closed port, to test this class itself). */
    PostgresTestDatabase(String host, int port, boolean required) {
        this.host = host;
        this.port = port;
        this.required = required;
    }

    public static boolean isRequired() {
        return Boolean.parseBoolean(System.getProperty(REQUIRE_PROPERTY, "false").trim());
    }

    // --- JUnit -------------------------------------------------------------------------------

    @Override
    public void beforeAll(ExtensionContext context) {
        create();
        // Closed when the class is done, after every afterAll callback (so after Spring's
        // @DirtiesContext has closed the context's pool).
        context.getStore(NAMESPACE).put(this, (AutoCloseable) this::close);
    }

    // --- what tests use ----------------------------------------------------------------------

    /** The database's name, e.g. {@code balai_test_3f9c0a1b2c4d}. */
    public synchronized String name() {
        create();
        return name;
    }

    /** {@code jdbc:postgresql://127.0.0.1:5432/balai_test_…?user=postgres}. */
    public String jdbcUrl() {
        return url(name());
    }

    /** A small pool on the database, closed with it. */
    public synchronized DataSource dataSource() {
        if (dataSource == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl());
            config.setPoolName(name);
            config.setMaximumPoolSize(4);
            config.setMinimumIdle(0);
            dataSource = new HikariDataSource(config);
        }
        return dataSource;
    }

    /**
     * Points a Spring context at this database: {@code spring.datasource.url} only, with the user in the
     * URL, as production is configured ({@code BALAI_DB_URL}). The app's {@code spring.datasource.username}
     * stays empty, and PostgreSQL's JDBC driver then connects as the URL's user ({@code
     * ApplicationOnPostgresTest} checks this).
     */
    public void registerSpringDataSource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::jdbcUrl);
    }

    /** Creates the database once (also when first asked for its URL); skips or fails when unreachable. */
    public synchronized void create() {
        if (name != null) return;
        if (closed) throw new IllegalStateException("this test database was already dropped");
        try (Connection admin = connectAdmin()) {
            String candidate = "balai_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Statement s = admin.createStatement()) {
                s.execute("create database " + candidate);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL on " + host + ":" + port + " is up but could not create "
                        + candidate + ": " + e.getMessage(), e);
            }
            name = candidate;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the pool and drops the database, whoever is still connected. */
    @Override
    public synchronized void close() {
        closed = true;
        if (dataSource != null) {
            dataSource.close();
            dataSource = null;
        }
        if (name == null) return;
        try (Connection admin = DriverManager.getConnection(url("postgres"), connectProperties());
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name + ": " + e.getMessage(), e);
        } finally {
            name = null;
        }
    }

    // --- reaching the server -----------------------------------------------------------------

    /**
     * A connection to the admin database, or: a failed test when PostgreSQL is required, a skipped one
     * (JUnit assumption) when it is not.
     */
    Connection connectAdmin() throws SQLException {
        try {
            return DriverManager.getConnection(url("postgres"), connectProperties());
        } catch (SQLException e) {
            String where = "PostgreSQL not reachable on " + host + ":" + port;
            String cause = " [" + e.getMessage() + "]";
            if (required) {
                return Assertions.fail(where + ", but -D" + REQUIRE_PROPERTY + "=true (CI) requires the PostgreSQL tests."
                        + " Start it, e.g. pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start" + cause, e);
            }
            return Assumptions.abort(where + ": PostgreSQL tests skipped (CI requires them)" + cause);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + USER;
    }

    private static Properties connectProperties() {
        Properties p = new Properties();
        p.setProperty("connectTimeout", "5");
        p.setProperty("loginTimeout", "10");
        return p;
    }

    @Override
    public String toString() {
        return "PostgresTestDatabase[" + (name == null ? "not created" : name) + "]";
    }
}
