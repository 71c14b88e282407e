package id.balai.reports.domain;

import id.balai.support.PostgresTestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CatalogueAdminContract} on PostgreSQL, the production database. */
class CatalogueAdminOnPostgresTest extends CatalogueAdminContract {

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
