package id.balai.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sites and who may edit them. Every page asks for its site, so they are held in memory (a few dozen
 * rows), read again after a change on this node commits and at least every 30 seconds (a change made on
 * another node).
 */
@Repository
class Sites {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, kind, slug, name, tagline, host, region_code, agency_id, colour, logo_id, menu, social, contact, version";

    private final JdbcClient jdbc;
    private static final long HOLD_NANOS = java.time.Duration.ofSeconds(30).toNanos();

    private record Held(List<Site> sites, long readAt) {}

    private final AtomicReference<Held> cache = new AtomicReference<>();
    /** Moves with every forgetting: a list read before a change committed is not kept after it. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    Sites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Site> all() {
        Held held = cache.get();
        if (held == null || System.nanoTime() - held.readAt() > HOLD_NANOS) {
            long before = generation.get();
            Held read = new Held(jdbc.sql("select " + COLUMNS + " from site order by kind, name").query(Sites::site).list(), System.nanoTime());
            if (generation.get() == before) cache.compareAndSet(held, read);
            return read.sites();
        }
        return held.sites();
    }

    /** The site as stored now (also a change made on another node a moment ago). */
    Optional<Site> fresh(long id) {
        forget();
        return byId(id);
    }

    Optional<Site> city() {
        return all().stream().filter(s -> s.kind() == SiteKind.CITY).findFirst();
    }

    Optional<Site> byId(long id) {
        return all().stream().filter(s -> s.id() == id).findFirst();
    }

    Optional<Site> find(SiteKind kind, String slug) {
        return all().stream().filter(s -> s.kind() == kind && s.slug().equals(slug)).findFirst();
    }

    Optional<Site> byHost(String host) {
        return all().stream().filter(s -> s.host() != null && s.host().equalsIgnoreCase(host)).findFirst();
    }

    List<Site> ofKind(SiteKind kind) {
        return all().stream().filter(s -> s.kind() == kind).toList();
    }

    Map<Long, Site> byIds() {
        return all().stream().collect(Collectors.toMap(Site::id, Function.identity()));
    }

    long insert(SiteKind kind, String slug, String name, String tagline, String regionCode, Long agencyId, Long by, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into site (kind, slug, name, tagline, region_code, agency_id, version, updated_at, updated_by) "
                        + "values (?, ?, ?, ?, ?, ?, 1, ?, ?)")
                .params(kind.name(), slug, name, tagline, regionCode, agencyId, SiteItems.utc(now), by).update(keys, "id");
        long id = keys.getKey().longValue();
        Site site = jdbc.sql("select " + COLUMNS + " from site where id = ?").param(id).query(Sites::site).single();
        snapshot(id, 1, SiteSettings.of(site), by, now);
        forgetAfterCommit();
        return id;
    }

    /** Saves the settings over the version the editor started from; false when somebody saved in between. */
    boolean update(long id, int expectedVersion, SiteSettings s, Long by, Instant now) {
        int rows = jdbc.sql("update site set name = ?, tagline = ?, colour = ?, logo_id = ?, menu = ?, social = ?, contact = ?, "
                        + "version = version + 1, updated_at = ?, updated_by = ? where id = ? and version = ?")
                .params(s.name(), s.tagline(), s.colour(), s.logoId(), s.menu(), s.social(), s.contact(), SiteItems.utc(now), by, id,
                        expectedVersion)
                .update();
        if (rows == 0) return false;
        snapshot(id, expectedVersion + 1, s, by, now);
        forgetAfterCommit();
        return true;
    }

    void setHost(long id, String host) {
        jdbc.sql("update site set host = ? where id = ?").params(host, id).update();
        forgetAfterCommit();
    }

    record SiteVersion(int version, Instant at, Long by) {}

    List<SiteVersion> versions(long siteId) {
        return jdbc.sql("select version, edited_at, edited_by from site_version where site_id = ? order by version desc").param(siteId)
                .query((rs, n) -> new SiteVersion(rs.getInt(1), SiteItems.instant(rs, "edited_at"), rs.getObject(3, Long.class))).list();
    }

    Optional<SiteSettings> snapshot(long siteId, int version) {
        return jdbc.sql("select snapshot from site_version where site_id = ? and version = ?").params(siteId, version)
                .query(String.class).optional().map(json -> JSON.readValue(json, SiteSettings.class));
    }

    boolean isEditor(long siteId, long staffId) {
        return jdbc.sql("select count(*) from site_editor where site_id = ? and staff_id = ?").params(siteId, staffId)
                .query(Long.class).single() > 0;
    }

    List<Long> sitesEditedBy(long staffId) {
        return jdbc.sql("select site_id from site_editor where staff_id = ?").param(staffId).query(Long.class).list();
    }

    List<Long> editors(long siteId) {
        return jdbc.sql("select staff_id from site_editor where site_id = ? order by staff_id").param(siteId).query(Long.class).list();
    }

    void addEditor(long siteId, long staffId) {
        if (!isEditor(siteId, staffId)) {
            jdbc.sql("insert into site_editor (site_id, staff_id) values (?, ?)").params(siteId, staffId).update();
        }
    }

    boolean removeEditor(long siteId, long staffId) {
        return jdbc.sql("delete from site_editor where site_id = ? and staff_id = ?").params(siteId, staffId).update() > 0;
    }

    private void snapshot(long siteId, int version, SiteSettings s, Long by, Instant now) {
        jdbc.sql("insert into site_version (site_id, version, snapshot, edited_by, edited_at) values (?, ?, ?, ?, ?)")
                .params(siteId, version, JSON.writeValueAsString(s), by, SiteItems.utc(now)).update();
    }

    /** Read the sites again once this change is committed (and now, so this transaction sees it too). */
    private void forgetAfterCommit() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    private void forget() {
        generation.incrementAndGet();
        cache.set(null);
    }

    private static Site site(ResultSet rs, int n) throws SQLException {
        return new Site(rs.getLong("id"), SiteKind.valueOf(rs.getString("kind")), rs.getString("slug"), rs.getString("name"),
                rs.getString("tagline"), rs.getString("host"), rs.getString("region_code"), rs.getObject("agency_id", Long.class),
                rs.getString("colour"), rs.getObject("logo_id", Long.class), rs.getString("menu"), rs.getString("social"),
                rs.getString("contact"), rs.getInt("version"));
    }
}
