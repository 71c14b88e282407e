package id.balai.open311;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What partners did through Open311 that later requests depend on: which partner filed which report (its
 * updates may speak for that reporter), and the updates they posted, once per partner's own update_id.
 */
@Repository
class PartnerRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    PartnerRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void filed(String trackingCode, long partnerId) {
        // a retried POST answers the report filed before: it is recorded once
        jdbc.sql("insert into open311_filed_report (tracking_code, partner_id, filed_at) select ?, ?, ?"
                        + " where not exists (select 1 from open311_filed_report where tracking_code = ?)")
                .params(trackingCode, partnerId, Timestamp.from(clock.instant()), trackingCode).update();
    }

    Optional<Long> filer(String trackingCode) {
        return jdbc.sql("select partner_id from open311_filed_report where tracking_code = ?").param(trackingCode).query(Long.class).optional();
    }

    /** Balai's id for a partner's update posted before, if it was. */
    Optional<Long> update(long partnerId, String partnerUpdateId) {
        return jdbc.sql("select id from open311_partner_update where partner_id = ? and partner_update_id = ?")
                .params(partnerId, partnerUpdateId).query(Long.class).optional();
    }

    /** Records a partner's update; empty when the same update_id arrived at the same moment from another request. */
    Optional<Long> newUpdate(long partnerId, String partnerUpdateId, String trackingCode, String status) {
        try {
            jdbc.sql("insert into open311_partner_update (partner_id, partner_update_id, tracking_code, status, received_at) values (?, ?, ?, ?, ?)")
                    .params(partnerId, partnerUpdateId, trackingCode, status, Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException raced) {
            return Optional.empty();
        }
        return update(partnerId, partnerUpdateId);
    }
}
