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

    @Override
    long sessionsWaitingForALock() {
        // H2 names the session that holds the lock a session waits for
        return jdbc.sql("select count(*) from information_schema.sessions where blocker_id is not null").query(Long.class).single();
    }
}
