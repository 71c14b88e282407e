package id.balai.reports.domain;

import id.balai.support.PostgresTestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link SlaEnforcementContract} on PostgreSQL, the production database: a fresh database on the
 * local server, skipped when it cannot be reached unless {@code -Dbalai.require-postgres=true}.
 */
class SlaEnforcementOnPostgresTest extends SlaEnforcementContract {

    @RegisterExtension
    static final PostgresTestDatabase postgres = new PostgresTestDatabase();

    @Override
    DataSource openDatabase() {
        return postgres.dataSource();
    }

    @Override
    void closeDatabase() {
        // the extension drops the database when the class is done
    }
}
