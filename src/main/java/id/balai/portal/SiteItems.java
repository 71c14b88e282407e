package id.balai.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sites' items and their versions. A save writes the item and a snapshot of what was typed in one
 * statement pair (callers hold the transaction); an update only succeeds on the version the editor
 * started from, so a second editor is told instead of overwriting the first.
 */
@Repository
class SiteItems {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, site_id, kind, version, updated_at, updated_by, downloads, title, slug, summary, body, "
            + "category, tags, status, publish_at, starts_at, ends_at, place, phone, whatsapp, website, opening_hours, video_url, "
            + "lat, lon, image_id, file_key, file_name, file_bytes, sort_order";
    /** The text searched, the same on both databases. */
    static final String SEARCHED = "(title || ' ' || summary || ' ' || body || ' ' || category || ' ' || tags || ' ' || place)";

    private final JdbcClient jdbc;
    private final boolean postgres;

    SiteItems(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (var connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
    }

    record Version(int version, Instant at, Long by, String note) {}

    Optional<SiteItem> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from site_item where id = ?").param(id).query(SiteItems::item).optional();
    }

    Optional<SiteItem> bySlug(long siteId, ItemKind kind, String slug) {
        return jdbc.sql("select " + COLUMNS + " from site_item where site_id = ? and kind = ? and slug = ?")
                .params(siteId, kind.name(), slug).query(SiteItems::item).optional();
    }

    /** What the public sees of one kind on a site, in the kind's order; {@code category} null for all. */
    List<SiteItem> visible(long siteId, ItemKind kind, Instant now, String category, int offset, int limit) {
        String order = switch (kind) {
            case NEWS -> "coalesce(publish_at, updated_at) desc, id desc";
            // coming events first, the soonest on top; then past ones, the latest on top
            case EVENT -> "case when coalesce(ends_at, starts_at) >= ? then 0 else 1 end, "
                    + "case when coalesce(ends_at, starts_at) >= ? then starts_at end, starts_at desc, id desc";
            default -> "sort_order, title, id";
        };
        return jdbc.sql("select " + COLUMNS + " from site_item where site_id = ? and kind = ? and status = 'PUBLISHED' "
                        + "and (publish_at is null or publish_at <= ?)" + (category == null ? "" : " and category = ?") + " order by "
                        + order + " offset ? rows fetch next ? rows only")
                .params(visibleParams(siteId, kind, now, category, offset, limit))
                .query(SiteItems::item).list();
    }

    /** The newest published items of these kinds (for a home page: a new listing shows at once). */
    List<SiteItem> newest(long siteId, List<ItemKind> kinds, Instant now, int limit) {
        String in = String.join(", ", kinds.stream().map(k -> "'" + k.name() + "'").toList());
        return jdbc.sql("select " + COLUMNS + " from site_item where site_id = ? and kind in (" + in + ") and status = 'PUBLISHED' "
                        + "and (publish_at is null or publish_at <= ?) order by coalesce(publish_at, updated_at) desc, id desc fetch first ? rows only")
                .params(siteId, utc(now), limit).query(SiteItems::item).list();
    }

    private static List<Object> visibleParams(long siteId, ItemKind kind, Instant now, String category, int offset, int limit) {
        List<Object> params = new ArrayList<>(List.of(siteId, kind.name(), utc(now)));
        if (category != null) params.add(category);
        if (kind == ItemKind.EVENT) params.addAll(List.of(utc(now), utc(now)));
        params.addAll(List.of(offset, limit));
        return params;
    }

    /** Events not yet over, soonest first. */
    List<SiteItem> upcoming(long siteId, Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from site_item where site_id = ? and kind = 'EVENT' and status = 'PUBLISHED' "
                        + "and (publish_at is null or publish_at <= ?) and coalesce(ends_at, starts_at) >= ? order by starts_at, id "
                        + "fetch first ? rows only")
                .params(siteId, utc(now), utc(now), limit).query(SiteItems::item).list();
    }

    /** Published items with a point, for the site's map. */
    List<SiteItem> places(long siteId, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from site_item where site_id = ? and status = 'PUBLISHED' "
                        + "and (publish_at is null or publish_at <= ?) and lat is not null and lon is not null order by kind, title")
                .params(siteId, utc(now)).query(SiteItems::item).list();
    }

    /** Categories in use by published items of a kind, for the list's filter. */
    List<String> categories(long siteId, ItemKind kind, Instant now) {
        return jdbc.sql("select distinct category from site_item where site_id = ? and kind = ? and status = 'PUBLISHED' "
                        + "and (publish_at is null or publish_at <= ?) and category <> '' order by category")
                .params(siteId, kind.name(), utc(now)).query(String.class).list();
    }

    /** Every item of a site for its editors, newest change first. */
    List<SiteItem> all(long siteId) {
        return jdbc.sql("select " + COLUMNS + " from site_item where site_id = ? order by kind, updated_at desc, id desc")
                .param(siteId).query(SiteItems::item).list();
    }

    /** Where a published item lives and when it last changed: what a sitemap needs, without the texts. */
    record Address(long siteId, ItemKind kind, String slug, Instant updatedAt) {}

    /** Every published item of every site, for the sitemap. */
    List<Address> allVisible(Instant now, int limit) {
        return jdbc.sql("select site_id, kind, slug, updated_at from site_item where status = 'PUBLISHED' "
                        + "and (publish_at is null or publish_at <= ?) order by site_id, kind, id fetch first ? rows only")
                .params(utc(now), limit)
                .query((rs, n) -> new Address(rs.getLong(1), ItemKind.valueOf(rs.getString(2)), rs.getString(3), instant(rs, "updated_at")))
                .list();
    }

    /**
     * Published items of a site matching every word of {@code query}, best first: PostgreSQL's full-text
     * search with its Indonesian dictionary (so "jahitan" finds "jahit"); on H2 each word as a substring.
     */
    List<SiteItem> search(long siteId, String query, Instant now, int limit) {
        String visible = "site_id = ? and status = 'PUBLISHED' and (publish_at is null or publish_at <= ?)";
        if (postgres) {
            return jdbc.sql("select " + COLUMNS + " from site_item where " + visible + " and to_tsvector('indonesian', " + SEARCHED
                            + ") @@ websearch_to_tsquery('indonesian', ?) order by ts_rank(to_tsvector('indonesian', " + SEARCHED
                            + "), websearch_to_tsquery('indonesian', ?)) desc, id desc fetch first ? rows only")
                    .params(siteId, utc(now), query, query, limit).query(SiteItems::item).list();
        }
        List<String> words = Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).limit(8).toList();
        if (words.isEmpty()) return List.of();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from site_item where " + visible);
        List<Object> params = new ArrayList<>(List.of(siteId, utc(now)));
        for (String w : words) {
            sql.append(" and lower(").append(SEARCHED).append(") like ? escape '\\'");
            params.add("%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by updated_at desc, id desc fetch first ? rows only");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(SiteItems::item).list();
    }

    boolean slugTaken(long siteId, ItemKind kind, String slug, Long exceptId) {
        return jdbc.sql("select count(*) from site_item where site_id = ? and kind = ? and slug = ? and id <> ?")
                .params(siteId, kind.name(), slug, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    long insert(long siteId, ItemKind kind, ItemContent c, Long by, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into site_item (site_id, kind, version, created_at, updated_at, updated_by, title, slug, summary, body, "
                        + "category, tags, status, publish_at, starts_at, ends_at, place, phone, whatsapp, website, opening_hours, "
                        + "video_url, lat, lon, image_id, file_key, file_name, file_bytes, sort_order) "
                        + "values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(siteId, kind.name(), utc(now), utc(now), by, c.title(), c.slug(), c.summary(), c.body(), c.category(), c.tags(),
                        c.status(), utc(c.publishAt()), utc(c.startsAt()), utc(c.endsAt()), c.place(), c.phone(), c.whatsapp(),
                        c.website(), c.openingHours(), c.videoUrl(), c.lat(), c.lon(), c.imageId(), c.fileKey(), c.fileName(),
                        c.fileBytes(), c.sortOrder())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        snapshot(id, 1, c, by, now, "");
        return id;
    }

    /** Saves {@code c} over the version the editor started from; false when somebody saved in between. */
    boolean update(long id, int expectedVersion, ItemContent c, Long by, Instant now, String note) {
        int rows = jdbc.sql("update site_item set version = version + 1, updated_at = ?, updated_by = ?, title = ?, slug = ?, summary = ?, "
                        + "body = ?, category = ?, tags = ?, status = ?, publish_at = ?, starts_at = ?, ends_at = ?, place = ?, phone = ?, "
                        + "whatsapp = ?, website = ?, opening_hours = ?, video_url = ?, lat = ?, lon = ?, image_id = ?, file_key = ?, "
                        + "file_name = ?, file_bytes = ?, sort_order = ? where id = ? and version = ?")
                .params(utc(now), by, c.title(), c.slug(), c.summary(), c.body(), c.category(), c.tags(), c.status(), utc(c.publishAt()),
                        utc(c.startsAt()), utc(c.endsAt()), c.place(), c.phone(), c.whatsapp(), c.website(), c.openingHours(),
                        c.videoUrl(), c.lat(), c.lon(), c.imageId(), c.fileKey(), c.fileName(), c.fileBytes(), c.sortOrder(), id,
                        expectedVersion)
                .update();
        if (rows == 0) return false;
        snapshot(id, expectedVersion + 1, c, by, now, note);
        return true;
    }

    List<Version> versions(long itemId) {
        return jdbc.sql("select version, edited_at, edited_by, note from site_item_version where item_id = ? order by version desc")
                .param(itemId)
                .query((rs, n) -> new Version(rs.getInt(1), instant(rs, "edited_at"), (Long) rs.getObject(3, Long.class), rs.getString(4)))
                .list();
    }

    Optional<ItemContent> snapshot(long itemId, int version) {
        return jdbc.sql("select snapshot from site_item_version where item_id = ? and version = ?").params(itemId, version)
                .query(String.class).optional().map(json -> JSON.readValue(json, ItemContent.class));
    }

    void countDownload(long id) {
        jdbc.sql("update site_item set downloads = downloads + 1 where id = ?").param(id).update();
    }

    /** Whether any item, draft or not, shows the image as its photo or in its text (such an image is kept). */
    boolean imageUsed(long mediaId) {
        return jdbc.sql("select count(*) from site_item where image_id = ? or body like ?").params(mediaId, "%/situs-media/" + mediaId + "%")
                .query(Long.class).single() > 0;
    }

    /** Whether an item the public sees at {@code now} shows the image, as its photo or in its text. */
    boolean imageShown(long siteId, long mediaId, Instant now) {
        return jdbc.sql("select count(*) from site_item where site_id = ? and status = 'PUBLISHED' and (publish_at is null or publish_at <= ?) "
                        + "and (image_id = ? or body like ?)")
                .params(siteId, utc(now), mediaId, "%/situs-media/" + mediaId + "%").query(Long.class).single() > 0;
    }

    private void snapshot(long id, int version, ItemContent c, Long by, Instant now, String note) {
        jdbc.sql("insert into site_item_version (item_id, version, snapshot, edited_by, edited_at, note) values (?, ?, ?, ?, ?, ?)")
                .params(id, version, JSON.writeValueAsString(c), by, utc(now), note).update();
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static SiteItem item(ResultSet rs, int n) throws SQLException {
        ItemContent c = new ItemContent(rs.getString("title"), rs.getString("slug"), rs.getString("summary"), rs.getString("body"),
                rs.getString("category"), rs.getString("tags"), rs.getString("status"), instant(rs, "publish_at"),
                instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("place"), rs.getString("phone"),
                rs.getString("whatsapp"), rs.getString("website"), rs.getString("opening_hours"), rs.getString("video_url"),
                rs.getObject("lat", Double.class), rs.getObject("lon", Double.class), rs.getObject("image_id", Long.class),
                rs.getString("file_key"), rs.getString("file_name"), rs.getObject("file_bytes", Long.class), rs.getInt("sort_order"));
        return new SiteItem(rs.getLong("id"), rs.getLong("site_id"), ItemKind.valueOf(rs.getString("kind")), rs.getInt("version"),
                instant(rs, "updated_at"), rs.getObject("updated_by", Long.class), rs.getLong("downloads"), c);
    }
}
