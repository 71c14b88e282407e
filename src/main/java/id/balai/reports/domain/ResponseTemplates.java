package id.balai.reports.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import id.balai.identity.AdminAudit;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reply texts staff pick from when they write a note: an OPD's own, then those for everybody. The city
 * admin keeps them at {@code /admin/templat}; a note already written from a template keeps its text. Every
 * change is written to the {@link AdminAudit} trail in its transaction.
 */
@Repository
public class ResponseTemplates {

    public static final int MAX_TITLE = 120;
    public static final int MAX_BODY = 2000;

    public record ResponseTemplate(long id, Long agencyId, String title, String body) {}

    private final JdbcClient jdbc;
    private final AdminAudit audit;

    ResponseTemplates(JdbcClient jdbc, AdminAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The templates of this OPD followed by the shared ones; only the shared ones when {@code agencyId} is null. */
    public List<ResponseTemplate> list(Long agencyId) {
        return jdbc.sql("""
                select id, agency_id, title, body from response_template
                where agency_id is null or agency_id = :agency
                order by case when agency_id is null then 1 else 0 end, title, id""")
                .param("agency", agencyId == null ? -1L : agencyId)
                .query(ResponseTemplates::row).list();
    }

    /** Every template: those for everybody first, then by OPD id, each by title. */
    public List<ResponseTemplate> all() {
        return jdbc.sql("""
                select id, agency_id, title, body from response_template
                order by case when agency_id is null then 0 else 1 end, agency_id, title, id""")
                .query(ResponseTemplates::row).list();
    }

    public Optional<ResponseTemplate> byId(long id) {
        return jdbc.sql("select id, agency_id, title, body from response_template where id = ?").param(id)
                .query(ResponseTemplates::row).optional();
    }

    @Transactional
    public long add(Long agencyId, String title, String body) {
        check(title, body);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into response_template (agency_id, title, body) values (?, ?, ?)")
                .params(agencyId, title.strip(), body.strip()).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("template.created", String.valueOf(id));
        return id;
    }

    /** Changes OPD, title and body; false when there is no such template. */
    @Transactional
    public boolean update(long id, Long agencyId, String title, String body) {
        check(title, body);
        boolean updated = jdbc.sql("update response_template set agency_id = ?, title = ?, body = ? where id = ?")
                .params(agencyId, title.strip(), body.strip(), id).update() == 1;
        if (updated) audit.record("template.changed", String.valueOf(id));
        return updated;
    }

    /** False when there is no such template. */
    @Transactional
    public boolean delete(long id) {
        boolean deleted = jdbc.sql("delete from response_template where id = ?").param(id).update() == 1;
        if (deleted) audit.record("template.deleted", String.valueOf(id));
        return deleted;
    }

    private static void check(String title, String body) {
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) throw new IllegalArgumentException("template title missing or too long");
        if (body == null || body.isBlank() || body.strip().length() > MAX_BODY) throw new IllegalArgumentException("template body missing or too long");
    }

    private static ResponseTemplate row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long agency = rs.getLong("agency_id");
        Long owner = rs.wasNull() ? null : agency; // wasNull speaks of the last column read
        return new ResponseTemplate(rs.getLong("id"), owner, rs.getString("title"), rs.getString("body"));
    }
}
