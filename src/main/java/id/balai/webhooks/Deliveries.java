package id.balai.webhooks;

import id.balai.identity.AdminAudit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox and delivery log in {@code webhook_delivery}. A row is PENDING until a 2xx answer
 * (DELIVERED) or until its attempts ran out (FAILED). Rows are claimed one by one with a conditional update
 * (the attempt count read must still be there and the row still due), which works alike on H2 and
 * PostgreSQL and lets any number of nodes run deliveries without sending a row twice at once.
 */
@Repository
class Deliveries {

    static final int MAX_ERROR = 300;

    private final JdbcClient jdbc;
    private final AdminAudit audit;

    Deliveries(JdbcClient jdbc, AdminAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    enum State { PENDING, DELIVERED, FAILED }

    /** A row due to be sent, with what sending it needs. */
    record Due(long id, long subscriptionId, String targetUrl, String secret, String eventId, String eventType, String trackingCode,
            String payload, int attempts) {

        @Override
        public String toString() { // never the secret, in a log or an exception
            return "Due[" + id + ", subscription " + subscriptionId + ", " + eventType + " " + trackingCode + "]";
        }
    }

    /** A line of the delivery log. */
    record Delivery(long id, String eventId, String eventType, String trackingCode, State state, int attempts, Integer lastStatus,
            String lastError, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {}

    /** One row per subscription for an event, due at once. */
    void enqueue(String eventId, EventKind kind, String trackingCode, String payload, Collection<Long> subscriptionIds, Instant now) {
        for (long subscription : subscriptionIds) {
            jdbc.sql("""
                    insert into webhook_delivery (subscription_id, event_id, event_type, tracking_code, payload, state, attempts,
                        next_attempt_at, created_at)
                    select :subscription, :event, :type, :code, :payload, 'PENDING', 0, :now, :now
                    where not exists (select 1 from webhook_delivery where subscription_id = :subscription and event_id = :event)""")
                    .param("subscription", subscription).param("event", eventId).param("type", kind.type()).param("code", trackingCode)
                    .param("payload", payload).param("now", utc(now)).update();
        }
    }

    /** Up to {@code limit} pending rows of active subscriptions whose time has come, the longest waiting first. */
    List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                select d.id, d.subscription_id, s.target_url, s.secret, d.event_id, d.event_type, d.tracking_code, d.payload, d.attempts
                from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                where d.state = 'PENDING' and d.next_attempt_at <= :now and s.active = true
                order by d.next_attempt_at, d.id
                limit :limit""")
                .param("now", utc(now)).param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("target_url"), rs.getString("secret"),
                        rs.getString("event_id"), rs.getString("event_type"), rs.getString("tracking_code"), rs.getString("payload"),
                        rs.getInt("attempts")))
                .list();
    }

    /**
     * Takes the row for one attempt: counts the attempt and holds the row until {@code leaseUntil}. False
     * when another run took it first (or it is no longer due).
     */
    boolean claim(Due due, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                update webhook_delivery set attempts = attempts + 1, next_attempt_at = :lease, last_attempt_at = :now
                where id = :id and state = 'PENDING' and attempts = :attempts and next_attempt_at <= :now""")
                .param("lease", utc(leaseUntil)).param("now", utc(now)).param("id", due.id()).param("attempts", due.attempts())
                .update() == 1;
    }

    void delivered(long id, int httpStatus, Instant at) {
        jdbc.sql("""
                update webhook_delivery set state = 'DELIVERED', last_status = :status, last_error = null, next_attempt_at = null,
                    delivered_at = :at
                where id = :id""").param("status", httpStatus).param("at", utc(at)).param("id", id).update();
    }

    /** A failed attempt: tried again at {@code next}, or given up for good when {@code next} is null. */
    void failed(long id, Integer httpStatus, String error, Instant next) {
        String shortError = error == null ? null : error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
        jdbc.sql("update webhook_delivery set state = :state, last_status = :status, last_error = :error, next_attempt_at = :next where id = :id")
                .param("state", (next == null ? State.FAILED : State.PENDING).name()).param("status", httpStatus).param("error", shortError)
                .param("next", next == null ? null : utc(next)).param("id", id).update();
    }

    /**
     * Moves the subscription's other due rows to {@code next} without counting an attempt: after one failed
     * in a run, its backlog waits with it rather than costing one timeout each and filling every batch.
     */
    void postpone(long subscriptionId, Instant now, Instant next) {
        jdbc.sql("update webhook_delivery set next_attempt_at = :next where subscription_id = :s and state = 'PENDING' and next_attempt_at <= :now")
                .param("next", utc(next)).param("s", subscriptionId).param("now", utc(now)).update();
    }

    /** The newest rows of one subscription's log. */
    List<Delivery> recent(long subscriptionId, int limit) {
        return jdbc.sql("select * from webhook_delivery where subscription_id = :s order by id desc limit :limit")
                .param("s", subscriptionId).param("limit", limit).query(Deliveries::delivery).list();
    }

    /** A failed row sent again at the next run, its attempts counted afresh; false when it is not a failed row of that subscription. */
    @Transactional
    public boolean resend(long subscriptionId, long deliveryId, Instant now) {
        boolean changed = jdbc.sql("""
                update webhook_delivery set state = 'PENDING', attempts = 0, next_attempt_at = :now
                where id = :id and subscription_id = :s and state = 'FAILED'""")
                .param("now", utc(now)).param("id", deliveryId).param("s", subscriptionId).update() == 1;
        if (changed) audit.record("webhook.resent", subscriptionId + "/" + deliveryId);
        return changed;
    }

    /** Deletes delivered rows older than {@code before}; failed ones stay for the admin to see and re-send. */
    int prune(Instant before) {
        return jdbc.sql("delete from webhook_delivery where state = 'DELIVERED' and delivered_at < :before").param("before", utc(before)).update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Delivery delivery(ResultSet rs, int n) throws SQLException {
        int status = rs.getInt("last_status");
        Integer lastStatus = rs.wasNull() ? null : status;
        return new Delivery(rs.getLong("id"), rs.getString("event_id"), rs.getString("event_type"), rs.getString("tracking_code"),
                State.valueOf(rs.getString("state")), rs.getInt("attempts"), lastStatus, rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "last_attempt_at"), instant(rs, "next_attempt_at"), instant(rs, "delivered_at"));
    }
}
