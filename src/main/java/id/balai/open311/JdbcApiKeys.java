package id.balai.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import id.balai.identity.AdminAudit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ApiKeys} in the {@code open311_api_key} table. Every change by an admin goes to the admin audit
 * trail in the same transaction; a revocation or limit that changes nothing records nothing.
 */
@Repository
class JdbcApiKeys implements ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AdminAudit audit;

    JdbcApiKeys(JdbcClient jdbc, Clock clock, AdminAudit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Created create(String partner, int requestsPerMinute, Long createdBy) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String key = "b311_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = insert(partner, key, requestsPerMinute, createdBy);
        audit.record("apikey.created", String.valueOf(id));
        return new Created(id, key);
    }

    @Override
    @Transactional
    public void createKnown(String partner, String key, int requestsPerMinute) {
        insert(partner, key, requestsPerMinute, null);
    }

    private long insert(String partner, String key, int perMinute, Long createdBy) {
        check(partner, perMinute);
        jdbc.sql("""
                insert into open311_api_key (partner, key_digest, key_hint, requests_per_minute, created_at, created_by)
                values (:partner, :digest, :hint, :limit, :at, :by)""")
                .param("partner", partner.strip()).param("digest", digest(key)).param("hint", key.substring(0, Math.min(8, key.length())))
                .param("limit", perMinute).param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .param("by", createdBy).update();
        return jdbc.sql("select id from open311_api_key where key_digest = :digest").param("digest", digest(key)).query(Long.class).single();
    }

    @Override
    @Transactional
    public boolean revoke(long id) {
        boolean revoked = jdbc.sql("update open311_api_key set revoked_at = :at where id = :id and revoked_at is null")
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).param("id", id).update() == 1;
        if (revoked) audit.record("apikey.revoked", String.valueOf(id));
        return revoked;
    }

    @Override
    @Transactional
    public boolean changeLimit(long id, int requestsPerMinute) {
        check("-", requestsPerMinute);
        boolean changed = jdbc.sql("update open311_api_key set requests_per_minute = :limit where id = :id and revoked_at is null")
                .param("limit", requestsPerMinute).param("id", id).update() == 1;
        if (changed) audit.record("apikey.limit", String.valueOf(id));
        return changed;
    }

    @Override
    public List<Partner> all() {
        return jdbc.sql("select * from open311_api_key order by revoked_at is not null, partner, id").query(JdbcApiKeys::partner).list();
    }

    @Override
    public Optional<Partner> byKey(String key) {
        if (key == null || key.isBlank() || key.length() > 200) return Optional.empty();
        return jdbc.sql("select * from open311_api_key where key_digest = :digest and revoked_at is null")
                .param("digest", digest(key.strip())).query(JdbcApiKeys::partner).optional();
    }

    private static void check(String partner, int perMinute) {
        if (partner == null || partner.isBlank() || partner.strip().length() > 120) throw new IllegalArgumentException("partner name: 1-120 characters");
        if (perMinute < 1 || perMinute > MAX_PER_MINUTE) throw new IllegalArgumentException("requests per minute: 1-" + MAX_PER_MINUTE);
    }

    static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Partner partner(ResultSet rs, int n) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new Partner(rs.getLong("id"), rs.getString("partner"), rs.getString("key_hint"), rs.getInt("requests_per_minute"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
