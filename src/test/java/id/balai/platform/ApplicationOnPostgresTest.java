package id.balai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.balai.calendar.Holidays;
import id.balai.support.PostgresTestDatabase;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a fresh PostgreSQL database, configured as production is: only
 * {@code spring.datasource.url}, with the user in the URL. Skipped without a local PostgreSQL unless
 * {@code -Dbalai.require-postgres=true} (CI).
 */
@SpringBootTest
@DirtiesContext
class ApplicationOnPostgresTest {

    @RegisterExtension
    static final PostgresTestDatabase postgres = new PostgresTestDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres.registerSpringDataSource(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Autowired
    Holidays holidays;

    @Test
    void anEmptyUsernamePropertyConnectsAsTheUserInTheUrl() {
        assertThat(environment.getProperty("spring.datasource.username")).isEmpty();
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(postgres.jdbcUrl()).contains("?user=postgres");

        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("postgres");
        assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo(postgres.name());
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
    }

    @org.springframework.beans.factory.annotation.Autowired javax.sql.DataSource dataSource;

    @Test
    void startingMigratesTheDatabaseAndCreatesTheEventPublicationTable() {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success and version is not null")
                .query(Integer.class).single()).isEqualTo(id.balai.support.Migrations.count(dataSource));
        assertThat(jdbc.sql("select count(*) from holiday").query(Integer.class).single()).isEqualTo(29);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks").query(Integer.class).single()).isNotNegative();
        assertThat(jdbc.sql("""
                select column_name from information_schema.columns
                where table_schema = 'public' and table_name = 'event_publication'""").query(String.class).list())
                .contains("id", "listener_id", "event_type", "serialized_event", "publication_date", "completion_date");
    }

    @Test
    void theWorkingCalendarIsLoadedFromPostgres() {
        assertThat(holidays.calendar().isWorkingDay(LocalDate.of(2026, 8, 17))).isFalse();
        assertThat(holidays.calendar().isWorkingDay(LocalDate.of(2026, 8, 18))).isTrue();
        assertThat(holidays.all()).hasSize(29);
    }
}
