package id.balai.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.springframework.jdbc.core.simple.JdbcClient;

class PostgresTestDatabaseTest {

    @Test
    void theSkipMessageSaysWhatHappenedAndThatCiRequiresIt() {
        assertThat(PostgresTestDatabase.SKIP_MESSAGE)
                .isEqualTo("PostgreSQL not reachable on 127.0.0.1:5432: PostgreSQL tests skipped (CI requires them)");
    }

    @Test
    void anUnreachableServerSkipsTheTestWhenPostgresIsNotRequired() throws IOException {
        int port = closedPort();
        PostgresTestDatabase db = new PostgresTestDatabase("127.0.0.1", port, false);

        assertThatThrownBy(db::create).isInstanceOf(TestAbortedException.class)
                .hasMessageStartingWith("PostgreSQL not reachable on 127.0.0.1:" + port + ": PostgreSQL tests skipped (CI requires them)");
        db.close();
    }

    @Test
    void anUnreachableServerFailsTheTestWhenPostgresIsRequired() throws IOException {
        int port = closedPort();
        PostgresTestDatabase db = new PostgresTestDatabase("127.0.0.1", port, true);

        assertThatThrownBy(db::create).isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("PostgreSQL not reachable on 127.0.0.1:" + port)
                .hasMessageContaining("-Dbalai.require-postgres=true (CI) requires the PostgreSQL tests");
    }

    @Test
    void requiredIsReadFromTheSystemProperty() {
        String before = System.getProperty(PostgresTestDatabase.REQUIRE_PROPERTY);
        try {
            System.setProperty(PostgresTestDatabase.REQUIRE_PROPERTY, "true");
            assertThat(PostgresTestDatabase.isRequired()).isTrue();
            System.setProperty(PostgresTestDatabase.REQUIRE_PROPERTY, "false");
            assertThat(PostgresTestDatabase.isRequired()).isFalse();
            System.clearProperty(PostgresTestDatabase.REQUIRE_PROPERTY);
            assertThat(PostgresTestDatabase.isRequired()).isFalse();
        } finally {
            if (before == null) System.clearProperty(PostgresTestDatabase.REQUIRE_PROPERTY);
            else System.setProperty(PostgresTestDatabase.REQUIRE_PROPERTY, before);
        }
    }

    @Test
    void aFreshEmptyDatabaseIsCreatedAndDroppedAfterwards() throws SQLException {
        String name;
        try (PostgresTestDatabase db = new PostgresTestDatabase()) {
            name = db.name();
            assertThat(name).matches("balai_test_[0-9a-f]{12}");
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres");
            assertThat(exists(name)).isTrue();

            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo(name);
            assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("postgres");
            assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = 'public'")
                    .query(Integer.class).single()).as("empty").isZero();
            try (Connection plain = DriverManager.getConnection(db.jdbcUrl())) {
                assertThat(plain.isValid(2)).as("plain JDBC with the URL alone").isTrue();
            }
        }
        assertThat(exists(name)).as("dropped").isFalse();
    }

    @Test
    void eachDatabaseHasItsOwnName() {
        try (PostgresTestDatabase a = new PostgresTestDatabase(); PostgresTestDatabase b = new PostgresTestDatabase()) {
            assertThat(a.name()).isNotEqualTo(b.name());
        }
    }

    @Test
    void theDatabaseIsDroppedEvenWithConnectionsStillOpen() throws SQLException {
        PostgresTestDatabase db = new PostgresTestDatabase();
        String name = db.name();
        Connection forgotten = DriverManager.getConnection(db.jdbcUrl());
        try {
            db.close();
            assertThat(exists(name)).isFalse();
        } finally {
            forgotten.close();
        }
    }

    private static boolean exists(String name) throws SQLException {
        try (PostgresTestDatabase admin = new PostgresTestDatabase(); Connection c = admin.connectAdmin();
                var ps = c.prepareStatement("select count(*) from pg_database where datname = ?")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    /** A local port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
