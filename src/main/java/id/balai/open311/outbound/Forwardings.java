package id.balai.open311.outbound;

import static id.balai.open311.outbound.OutboundSettings.instant;
import static id.balai.open311.outbound.OutboundSettings.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import id.balai.identity.AdminAudit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The forwarding of each report: its outbox row first, then its number in the other system and what was last read back. */
@Repository
class Forwardings {

    enum State { PENDING, SENT, FAILED }

    /** {@code externalId} is null while only a {@code token} is known (the other system numbers requests later). */
    record Forwarding(long reportId, long endpointId, String serviceCode, State state, String externalId, String token, int attempts,
            Instant nextAttemptAt, String lastError, String lastStatus, Instant lastUpdatedAt) {}

    private static final int MAX_ERROR = 1000;

    private final JdbcClient jdbc;
    private final AdminAudit audit;

    Forwardings(JdbcClient jdbc, AdminAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Queues a report once: false when it already has a forwarding (an event delivered twice). */
    boolean enqueue(long reportId, Mapping mapping, Instant now) {
        return jdbc.sql("""
                insert into open311_forwarding (report_id, endpoint_id, service_code, state, attempts, next_attempt_at, created_at)
                select :report, :endpoint, :service, 'PENDING', 0, :now, :now
                where not exists (select 1 from open311_forwarding where report_id = :report)""")
                .param("report", reportId).param("endpoint", mapping.endpointId()).param("service", mapping.serviceCode())
                .param("now", ts(now)).update() == 1;
    }

    /** Rows to send, or whose token is still to be exchanged for a number, that are due now at an active endpoint. */
    List<Forwarding> due(Instant now, int limit) {
        return jdbc.sql("""
                select f.* from open311_forwarding f join open311_endpoint e on e.id = f.endpoint_id
                where e.active = true and f.next_attempt_at <= :now
                  and (f.state = 'PENDING' or (f.state = 'SENT' and f.external_id is null))
                order by f.next_attempt_at, f.report_id limit :limit""")
                .param("now", ts(now)).param("limit", limit).query(Forwardings::row).list();
    }

    Optional<Forwarding> byReport(long reportId) {
        return jdbc.sql("select * from open311_forwarding where report_id = :id").param("id", reportId).query(Forwardings::row).optional();
    }

    Optional<Forwarding> byExternalId(long endpointId, String externalId) {
        return jdbc.sql("select * from open311_forwarding where endpoint_id = :endpoint and external_id = :external")
                .param("endpoint", endpointId).param("external", externalId).query(Forwardings::row).optional();
    }

    /** Accepted: with its number, or with a token to exchange for one at {@code nextAttempt}. */
    void sent(long reportId, String externalId, String token, Instant now, Instant nextAttempt) {
        jdbc.sql("""
                update open311_forwarding set state = 'SENT', external_id = :external, token = :token, attempts = attempts + 1,
                    next_attempt_at = :next, last_error = null, sent_at = coalesce(sent_at, :now)
                where report_id = :report""")
                .param("external", externalId).param("token", token).param("next", ts(nextAttempt)).param("now", ts(now))
                .param("report", reportId).update();
    }

    /** A failed attempt: tried again at {@code nextAttempt}, or given up (FAILED) when that is null. */
    void attemptFailed(long reportId, String error, Instant nextAttempt) {
        String e = error == null ? "" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        jdbc.sql("""
                update open311_forwarding set attempts = attempts + 1, last_error = :error, next_attempt_at = :next,
                    state = case when :giveUp then 'FAILED' else state end
                where report_id = :report""")
                .param("error", e).param("next", ts(nextAttempt)).param("giveUp", nextAttempt == null).param("report", reportId).update();
    }

    /** A forwarding that gave up is sent again from the start (the admin fixed the key or the mapping); recorded in the audit trail. */
    @Transactional
    boolean retry(long reportId, Instant now) {
        boolean queued = jdbc.sql("""
                update open311_forwarding set state = 'PENDING', attempts = 0, next_attempt_at = :now
                where report_id = :report and state = 'FAILED'""").param("now", ts(now)).param("report", reportId).update() == 1;
        if (queued) audit.record("open311out.forwarding.retried", String.valueOf(reportId));
        return queued;
    }

    List<Forwarding> failed(int limit) {
        return jdbc.sql("select * from open311_forwarding where state = 'FAILED' order by report_id desc limit :limit")
                .param("limit", limit).query(Forwardings::row).list();
    }

    /** Numbered forwardings at an endpoint that may still change there (the last status read was not closed). */
    List<Forwarding> followed(long endpointId, int limit) {
        return jdbc.sql("""
                select * from open311_forwarding where endpoint_id = :endpoint and state = 'SENT' and external_id is not null
                  and (last_status is null or last_status <> 'closed')
                order by report_id limit :limit""")
                .param("endpoint", endpointId).param("limit", limit).query(Forwardings::row).list();
    }

    /** When the endpoint first accepted a report still followed there: where the first window of updates starts. */
    Optional<Instant> firstSent(long endpointId) {
        return jdbc.sql("select min(sent_at) as first_sent from open311_forwarding where endpoint_id = :endpoint and external_id is not null")
                .param("endpoint", endpointId).query((rs, n) -> instant(rs, "first_sent")).optional().filter(java.util.Objects::nonNull);
    }

    /** Marks an update as applied; false when it already was (then nothing is to be done). */
    boolean markApplied(long endpointId, String updateId, long reportId, Instant now) {
        return jdbc.sql("""
                insert into open311_external_update (endpoint_id, update_id, report_id, applied_at)
                select :endpoint, :update, :report, :now
                where not exists (select 1 from open311_external_update where endpoint_id = :endpoint and update_id = :update)""")
                .param("endpoint", endpointId).param("update", updateId).param("report", reportId).param("now", ts(now)).update() == 1;
    }

    void lastSeen(long reportId, String status, Instant updatedAt) {
        jdbc.sql("""
                update open311_forwarding set last_status = :status,
                    last_updated_at = case when last_updated_at is null or last_updated_at < :at then :at else last_updated_at end
                where report_id = :report""")
                .param("status", status).param("at", ts(updatedAt)).param("report", reportId).update();
    }

    private static Forwarding row(ResultSet rs, int n) throws SQLException {
        return new Forwarding(rs.getLong("report_id"), rs.getLong("endpoint_id"), rs.getString("service_code"),
                State.valueOf(rs.getString("state")), rs.getString("external_id"), rs.getString("token"), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), rs.getString("last_status"), instant(rs, "last_updated_at"));
    }
}
