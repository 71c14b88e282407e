package id.balai.identity;

import id.balai.support.PostgresTestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link StaffAccountsContract} on PostgreSQL, the production database. */
class StaffAccountsOnPostgresTest extends StaffAccountsContract {

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

    @Override
    long sessionsWaitingForALock() {
        return jdbc.sql("select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")
                .query(Long.class).single();
    }
}
