package id.balai.open311;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Partners' keys for the Open311 API: created and revoked by the city admin, each with its own limit of
 * requests per minute. A key is shown once, when created; only its digest is stored.
 */
public interface ApiKeys {

    int DEFAULT_PER_MINUTE = 60;
    int MAX_PER_MINUTE = 6000;

    /** A new random key for {@code partner}; {@code createdBy} is the admin's staff id (null for the system). */
    Created create(String partner, int requestsPerMinute, Long createdBy);

    /** A key everybody knows, for demo data only (the demo city's {@code demo-astina}). */
    void createKnown(String partner, String key, int requestsPerMinute);

    /** False when there is no such active key (nothing changed). */
    boolean revoke(long id);

    /** False when there is no such active key (nothing changed). */
    boolean changeLimit(long id, int requestsPerMinute);

    List<Partner> all();

    /** The partner this key belongs to, if it is a key and not revoked. */
    Optional<Partner> byKey(String key);

    record Created(long id, String key) {}

    record Partner(long id, String partner, String keyHint, int requestsPerMinute, Instant createdAt, Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }
}
