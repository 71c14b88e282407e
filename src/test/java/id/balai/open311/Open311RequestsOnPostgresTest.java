package id.balai.open311;

import id.balai.support.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same GET requests on a fresh PostgreSQL database with the demo city (its SQL differs from H2's in places). */
@DirtiesContext
class Open311RequestsOnPostgresTest extends Open311RequestsTest {

    @RegisterExtension
    static final PostgresTestDatabase postgres = new PostgresTestDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres.registerSpringDataSource(registry);
    }
}
