package id.balai.webhooks;

import id.balai.support.H2TestDatabase;
import javax.sql.DataSource;

/** {@link WebhookStoreContract} on H2 in PostgreSQL mode, the default database. */
class WebhookStoreOnH2Test extends WebhookStoreContract {

    private final H2TestDatabase h2 = new H2TestDatabase();

    @Override
    DataSource openDatabase() {
        return h2.dataSource();
    }

    @Override
    void closeDatabase() {
        h2.close();
    }
}
