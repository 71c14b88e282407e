package id.balai.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link AdminAudit} in the {@code admin_audit} table (V9). */
@Service
class JdbcAdminAudit implements AdminAudit {

    static final int MAX_SUBJECT = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAdminAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String subject) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        record(authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff ? staff : null, action, subject);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(StaffPrincipal by, String action, String subject) {
        String what = subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
        jdbc.sql("insert into admin_audit (changed_at, staff_id, action, subject) values (?, ?, ?, ?)")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), by == null ? null : by.id(), action, what).update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entry> latest(int limit) {
        return jdbc.sql("select id, changed_at, staff_id, action, subject from admin_audit order by changed_at desc, id desc limit ?")
                .param(limit)
                .query((rs, row) -> {
                    long staff = rs.getLong("staff_id");
                    Long staffId = rs.wasNull() ? null : staff;
                    return new Entry(rs.getLong("id"), rs.getObject("changed_at", OffsetDateTime.class).toInstant(), staffId,
                            rs.getString("action"), rs.getString("subject"));
                }).list();
    }
}
