package id.balai.webhooks;

import id.balai.support.PostgresTestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link WebhookStoreContract} on PostgreSQL, the production database. */
class WebhookStoreOnPostgresTest extends WebhookStoreContract {

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
