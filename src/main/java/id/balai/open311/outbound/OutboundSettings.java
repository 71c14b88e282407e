package id.balai.open311.outbound;

import id.balai.identity.AdminAudit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The endpoints and which categories go to them. Callers check the input (the admin page answers bad
 * input with its own messages); every change is written to the admin audit trail in its transaction,
 * with ids and codes only.
 */
@Repository
class OutboundSettings {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AdminAudit audit;

    OutboundSettings(JdbcClient jdbc, Clock clock, AdminAudit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** {@code baseUrl} as {@link Endpoint#normaliseBaseUrl} answered it; {@code format} xml or json. */
    @Transactional
    long addEndpoint(String name, String baseUrl, String apiKey, String jurisdictionId, String format) {
        jdbc.sql("""
                insert into open311_endpoint (name, base_url, api_key, key_hint, jurisdiction_id, format, active, created_at)
                values (:name, :url, :key, :hint, :jurisdiction, :format, true, :at)""")
                .param("name", name).param("url", baseUrl).param("key", apiKey).param("hint", hint(apiKey))
                .param("jurisdiction", jurisdictionId).param("format", format).param("at", ts(clock.instant())).update();
        long id = jdbc.sql("select id from open311_endpoint where name = :name").param("name", name).query(Long.class).single();
        audit.record("open311out.endpoint.created", String.valueOf(id));
        return id;
    }

    /** False when nothing changed (no such endpoint, or already in that state). */
    @Transactional
    boolean setActive(long id, boolean active) {
        boolean changed = jdbc.sql("update open311_endpoint set active = :active where id = :id and active <> :active")
                .param("active", active).param("id", id).update() == 1;
        if (changed) audit.record(active ? "open311out.endpoint.activated" : "open311out.endpoint.deactivated", String.valueOf(id));
        return changed;
    }

    /** A new key for an endpoint (the other system renewed it); false when there is no such endpoint. */
    @Transactional
    boolean changeKey(long id, String apiKey) {
        boolean changed = jdbc.sql("update open311_endpoint set api_key = :key, key_hint = :hint where id = :id")
                .param("key", apiKey).param("hint", hint(apiKey)).param("id", id).update() == 1;
        if (changed) audit.record("open311out.endpoint.key", String.valueOf(id));
        return changed;
    }

    List<Endpoint> endpoints() {
        return jdbc.sql("select * from open311_endpoint order by name").query(OutboundSettings::endpoint).list();
    }

    Optional<Endpoint> endpoint(long id) {
        return jdbc.sql("select * from open311_endpoint where id = :id").param("id", id).query(OutboundSettings::endpoint).optional();
    }

    boolean nameTaken(String name) {
        return jdbc.sql("select count(*) from open311_endpoint where lower(name) = lower(:name)").param("name", name)
                .query(Long.class).single() > 0;
    }

    void polledUntil(long endpointId, Instant until) {
        jdbc.sql("update open311_endpoint set polled_until = :until where id = :id").param("until", ts(until)).param("id", endpointId).update();
    }

    /** Forwards a category (replacing where it went before); future reports only. */
    @Transactional
    void map(Mapping m) {
        jdbc.sql("delete from open311_category_forward where category_code = :code").param("code", m.categoryCode()).update();
        jdbc.sql("""
                insert into open311_category_forward (category_code, endpoint_id, service_code, attribute_map)
                values (:code, :endpoint, :service, :attributes)""")
                .param("code", m.categoryCode()).param("endpoint", m.endpointId()).param("service", m.serviceCode())
                .param("attributes", m.attributeMap().isEmpty() ? null : Mapping.format(m.attributeMap())).update();
        audit.record("open311out.category.mapped", m.categoryCode());
    }

    /** False when the category was not forwarded. */
    @Transactional
    boolean unmap(String categoryCode) {
        boolean removed = jdbc.sql("delete from open311_category_forward where category_code = :code").param("code", categoryCode).update() == 1;
        if (removed) audit.record("open311out.category.unmapped", categoryCode);
        return removed;
    }

    List<Mapping> mappings() {
        return jdbc.sql("select * from open311_category_forward order by category_code").query(OutboundSettings::mapping).list();
    }

    /** Where a category goes, if it is forwarded to an active endpoint. */
    Optional<Mapping> activeMapping(String categoryCode) {
        return jdbc.sql("""
                select m.* from open311_category_forward m join open311_endpoint e on e.id = m.endpoint_id
                where m.category_code = :code and e.active = true""")
                .param("code", categoryCode).query(OutboundSettings::mapping).optional();
    }

    private static String hint(String key) {
        return key.substring(0, Math.min(4, key.length()));
    }

    static OffsetDateTime ts(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Endpoint endpoint(ResultSet rs, int n) throws SQLException {
        return new Endpoint(rs.getLong("id"), rs.getString("name"), rs.getString("base_url"), rs.getString("api_key"),
                rs.getString("key_hint"), rs.getString("jurisdiction_id"), rs.getString("format"), rs.getBoolean("active"),
                instant(rs, "polled_until"));
    }

    private static Mapping mapping(ResultSet rs, int n) throws SQLException {
        return new Mapping(rs.getString("category_code"), rs.getLong("endpoint_id"), rs.getString("service_code"),
                Mapping.parse(rs.getString("attribute_map")));
    }
}
