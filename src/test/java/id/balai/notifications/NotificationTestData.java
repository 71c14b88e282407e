package id.balai.notifications;

import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffDirectory.NewStaff;
import id.balai.identity.StaffRole;
import id.balai.reports.ReportStatus;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Minimal rows for the reports and identity tables, written with plain SQL because the reports
 * module's domain services are not part of its public API. Every name and address is unique, so
 * tests sharing a Spring context never see each other's data.
 */
final class NotificationTestData {

    /**
     * One category per database: the reports module caches categories on first read, so a category
     * inserted after that would be invisible to {@code ReportLookup}.
     */
    static final String CATEGORY_CODE = "notify-test-jalan";
    static final String CATEGORY_NAME = "Jalan rusak";

    private final JdbcClient jdbc;
    private final StaffDirectory staff;

    NotificationTestData(JdbcClient jdbc, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    record SavedReport(long id, String trackingCode) {}

    SavedReport report(ReportStatus status, Long agencyId, String citizenName, String citizenEmail) {
        long category = category();
        String kelurahan = "99.99." + unique(8);
        jdbc.sql("insert into region (code, name, level) values (?, ?, 'KELURAHAN')").params(kelurahan, "Sukamaju").update();
        String code = "N" + unique(8).toUpperCase();
        Instant now = Instant.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into report (tracking_code, submission_key, citizen_token, category_id, description, lat, lon,
                    kelurahan_code, agency_id, status, submitted_at, updated_at, verify_due_at)
                values (?, ?, ?, ?, 'Lubang besar di jalan depan sekolah', -6.7, 108.5, ?, ?, ?, ?, ?, ?)""")
                .params(code, UUID.randomUUID().toString(), unique(32), category, kelurahan, agencyId, status.name(), now, now, now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (citizenName != null || citizenEmail != null) {
            jdbc.sql("insert into report_reporter (report_id, name, phone, email) values (?, ?, '081234567890', ?)")
                    .params(id, citizenName, citizenEmail).update();
        }
        return new SavedReport(id, code);
    }

    void publicNote(SavedReport report, String note) {
        jdbc.sql("""
                insert into report_event (report_id, at, actor, actor_role, action, from_status, to_status, note, public)
                values (?, ?, 'petugas', 'FIELD_OFFICER', 'RESOLVED', 'IN_PROGRESS', 'RESOLVED', ?, true)""")
                .params(report.id(), Instant.now(), note).update();
    }

    /** A staff account; returns its e-mail address (or null when created without one). */
    String staff(StaffRole role, Long agencyId, boolean agencyHead, boolean withEmail) {
        String username = role.name().toLowerCase().replace('_', '-') + "-" + unique(8);
        String email = withEmail ? address(username) : null;
        staff.create(new NewStaff(username, "Staf " + username, email, role, agencyId, null, agencyHead, "rahasia-" + unique(12)));
        return email;
    }

    static long agencyId() {
        return ThreadLocalRandom.current().nextLong(100_000, 1_000_000_000);
    }

    static String address(String localPart) {
        return localPart + "@contoh.go.id";
    }

    static String unique(int length) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, length);
    }

    private long category() {
        return jdbc.sql("select id from report_category where code = ?").param(CATEGORY_CODE).query(Long.class).optional()
                .orElseGet(() -> {
                    jdbc.sql("insert into report_category (code, name_id, name_en, hashtag, icon) values (?, ?, 'Damaged road', '#notifytestjalan', 'road')")
                            .params(CATEGORY_CODE, CATEGORY_NAME).update();
                    return jdbc.sql("select id from report_category where code = ?").param(CATEGORY_CODE).query(Long.class).single();
                });
    }
}
