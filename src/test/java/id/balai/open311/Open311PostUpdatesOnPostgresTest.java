package id.balai.open311;

import id.balai.support.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same partner updates on a fresh PostgreSQL database, where a refused insert aborts its transaction. */
@DirtiesContext
class Open311PostUpdatesOnPostgresTest extends Open311PostUpdatesTest {

    @RegisterExtension
    static final PostgresTestDatabase postgres = new PostgresTestDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres.registerSpringDataSource(registry);
    }
}
