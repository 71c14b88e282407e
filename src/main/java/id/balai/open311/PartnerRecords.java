package id.balai.open311;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What partners did through Open311 that later requests depend on: which partner filed which report (its
 * updates may speak for that reporter), and the updates they posted, once per partner's own update_id.
 */
@Repository
class PartnerRecords {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate nested;

    PartnerRecords(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Who a partner filed a report for: its account_id and the e-mail it gave, either may be null. */
    record Reporter(String accountId, String email) {

        /** Whether an update names the same person: the same account_id, or the same e-mail (case aside). */
        boolean sameAs(String accountId, String email) {
            return this.accountId != null && this.accountId.equals(accountId)
                    || this.email != null && email != null && this.email.equals(digest(email));
        }

        static String digest(String email) {
            return email == null ? null : JdbcApiKeys.digest(email.strip().toLowerCase(java.util.Locale.ROOT));
        }
    }

    record Filed(long partnerId, Reporter reporter) {}

    void filed(String trackingCode, long partnerId, String accountId, String email) {
        // a retried POST answers the report filed before: it is recorded once
        String account = accountId == null || accountId.length() > 100 ? null : accountId;
        nested.executeWithoutResult(t -> {
            try {
                jdbc.sql("insert into open311_filed_report (tracking_code, partner_id, account_id, email_digest, filed_at) select ?, ?, ?, ?, ?"
                                + " where not exists (select 1 from open311_filed_report where tracking_code = ?)")
                        .params(trackingCode, partnerId, account, Reporter.digest(email), Timestamp.from(clock.instant()), trackingCode).update();
            } catch (DuplicateKeyException raced) {
                t.setRollbackOnly(); // the same retry, at the same moment: recorded by the other one
            }
        });
    }

    Optional<Filed> filer(String trackingCode) {
        return jdbc.sql("select partner_id, account_id, email_digest from open311_filed_report where tracking_code = ?").param(trackingCode)
                .query((rs, n) -> new Filed(rs.getLong("partner_id"), new Reporter(rs.getString("account_id"), rs.getString("email_digest"))))
                .optional();
    }

    /** Balai's id for a partner's update posted before, if it was. */
    Optional<Long> update(long partnerId, String partnerUpdateId) {
        return jdbc.sql("select id from open311_partner_update where partner_id = ? and partner_update_id = ?")
                .params(partnerId, partnerUpdateId).query(Long.class).optional();
    }

    /**
     * Records a partner's update; empty when the same update_id arrived at the same moment from another
     * request. The insert runs in a savepoint: on PostgreSQL a refused insert would otherwise abort the
     * whole surrounding transaction.
     */
    Optional<Long> newUpdate(long partnerId, String partnerUpdateId, String trackingCode, String status) {
        Boolean inserted = nested.execute(t -> {
            try {
                jdbc.sql("insert into open311_partner_update (partner_id, partner_update_id, tracking_code, status, received_at) values (?, ?, ?, ?, ?)")
                        .params(partnerId, partnerUpdateId, trackingCode, status, Timestamp.from(clock.instant())).update();
                return true;
            } catch (DuplicateKeyException raced) {
                t.setRollbackOnly();
                return false;
            }
        });
        return Boolean.TRUE.equals(inserted) ? update(partnerId, partnerUpdateId) : Optional.empty();
    }
}
