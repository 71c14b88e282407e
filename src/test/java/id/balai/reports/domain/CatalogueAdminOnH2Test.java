package id.balai.reports.domain;

import id.balai.support.H2TestDatabase;
import javax.sql.DataSource;

/** {@link CatalogueAdminContract} on H2 in PostgreSQL mode, the default database. */
class CatalogueAdminOnH2Test extends CatalogueAdminContract {

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
