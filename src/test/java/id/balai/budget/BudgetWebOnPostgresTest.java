package id.balai.budget;

import id.balai.support.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same import and pages on a fresh PostgreSQL database (numeric sums, the replacing transaction). */
@DirtiesContext
class BudgetWebOnPostgresTest extends BudgetWebTest {

    @RegisterExtension
    static final PostgresTestDatabase postgres = new PostgresTestDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres.registerSpringDataSource(registry);
    }
}
