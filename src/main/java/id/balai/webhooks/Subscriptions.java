package id.balai.webhooks;

import id.balai.identity.AdminAudit;
import id.balai.platform.FieldProblem;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' webhook subscriptions in {@code webhook_subscription}. The secret is made here, returned once
 * (on creation and on rotation) and otherwise read only to sign deliveries. Every change goes to the admin
 * audit trail in its own transaction; a change that finds the subscription gone or changed (its
 * {@code version} moved on) changes and records nothing.
 */
@Repository
class Subscriptions {

    static final int MAX_PARTNER = 120;
    static final int MAX_URL = 2000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AdminAudit audit;
    private final WebhookTargets targets;

    Subscriptions(JdbcClient jdbc, Clock clock, AdminAudit audit, WebhookTargets targets) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.targets = targets;
    }

    record Subscription(long id, String partner, String targetUrl, Set<EventKind> kinds, boolean active, int version,
            Instant createdAt) {}

    /** A new subscription and its secret, to be shown once. */
    record Created(long id, String secret) {

        @Override
        public String toString() { // never the secret, in a log or an exception
            return "Created[" + id + "]";
        }
    }

    /**
     * What is wrong with a new subscription, field by field (empty: nothing). A name with markup is
     * refused rather than stored: it is shown on admin pages and sent nowhere else, so it never needs any.
     */
    List<FieldProblem> problems(String partner, String url, Set<EventKind> kinds) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = partner == null ? "" : partner.strip();
        if (name.isEmpty() || name.length() > MAX_PARTNER || name.chars().anyMatch(c -> c == '<' || c == '>' || Character.isISOControl(c))) {
            problems.add(new FieldProblem("partner", "webhook.error.partner"));
        }
        targets.problem(url).ifPresent(key -> problems.add(new FieldProblem("url", key)));
        if (kinds == null || kinds.isEmpty()) problems.add(new FieldProblem("events", "webhook.error.events"));
        return problems;
    }

    @Transactional
    public Created create(String partner, String url, Set<EventKind> kinds, Long createdBy) {
        List<FieldProblem> problems = problems(partner, url, kinds);
        if (!problems.isEmpty()) throw new IllegalArgumentException("invalid subscription: " + problems);
        String secret = newSecret();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into webhook_subscription (partner, target_url, event_kinds, secret, active, version, created_at, created_by)
                values (:partner, :url, :kinds, :secret, true, 0, :at, :by)""")
                .param("partner", partner.strip()).param("url", url.strip()).param("kinds", kindsColumn(kinds)).param("secret", secret)
                .param("at", now()).param("by", createdBy)
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        audit.record("webhook.created", String.valueOf(id));
        return new Created(id, secret);
    }

    List<Subscription> all() {
        return jdbc.sql("select * from webhook_subscription order by partner, id").query(Subscriptions::subscription).list();
    }

    Optional<Subscription> byId(long id) {
        return jdbc.sql("select * from webhook_subscription where id = :id").param("id", id).query(Subscriptions::subscription).optional();
    }

    /** The active subscriptions that chose {@code kind}. */
    List<Long> activeFor(EventKind kind) {
        return jdbc.sql("select * from webhook_subscription where active = true").query(Subscriptions::subscription).stream()
                .filter(s -> s.kinds().contains(kind)).map(Subscription::id).toList();
    }

    /** False when the subscription is gone, changed meanwhile, or already in that state. */
    @Transactional
    public boolean setActive(long id, int version, boolean active) {
        boolean changed = jdbc.sql("update webhook_subscription set active = :active, version = version + 1 where id = :id and version = :version and active <> :active")
                .param("active", active).param("id", id).param("version", version).update() == 1;
        if (changed) audit.record(active ? "webhook.resumed" : "webhook.paused", String.valueOf(id));
        return changed;
    }

    /** Deletes the subscription and its delivery log; false when it is gone or changed meanwhile. */
    @Transactional
    public boolean delete(long id, int version) {
        boolean deleted = jdbc.sql("delete from webhook_subscription where id = :id and version = :version")
                .param("id", id).param("version", version).update() == 1;
        if (deleted) audit.record("webhook.deleted", String.valueOf(id));
        return deleted;
    }

    /**
     * A new secret, to be shown once; deliveries not yet sent are signed with it. Empty when the
     * subscription is gone or changed meanwhile (two admins rotating at once: only one secret wins, and only
     * its admin is shown one).
     */
    @Transactional
    public Optional<String> rotateSecret(long id, int version) {
        String secret = newSecret();
        boolean changed = jdbc.sql("update webhook_subscription set secret = :secret, version = version + 1 where id = :id and version = :version")
                .param("secret", secret).param("id", id).param("version", version).update() == 1;
        if (!changed) return Optional.empty();
        audit.record("webhook.secret-rotated", String.valueOf(id));
        return Optional.of(secret);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String kindsColumn(Set<EventKind> kinds) {
        return kinds.stream().sorted().map(EventKind::type).collect(Collectors.joining(","));
    }

    private static Subscription subscription(ResultSet rs, int n) throws SQLException {
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        Arrays.stream(rs.getString("event_kinds").split(",")).map(EventKind::ofType).flatMap(Optional::stream).forEach(kinds::add);
        return new Subscription(rs.getLong("id"), rs.getString("partner"), rs.getString("target_url"), kinds, rs.getBoolean("active"),
                rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
