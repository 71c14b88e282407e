package id.balai.identity;

import id.balai.support.H2TestDatabase;
import javax.sql.DataSource;

/** {@link StaffAccountsContract} on H2 in PostgreSQL mode, the default database. */
class StaffAccountsOnH2Test extends StaffAccountsContract {

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
