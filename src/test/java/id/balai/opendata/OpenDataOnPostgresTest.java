package id.balai.opendata;

import id.balai.support.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same catalogue and statistics on a fresh PostgreSQL database with the demo city. */
@DirtiesContext
class OpenDataOnPostgresTest extends OpenDataTest {

    @RegisterExtension
    static final PostgresTestDatabase postgres = new PostgresTestDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres.registerSpringDataSource(registry);
    }
}
