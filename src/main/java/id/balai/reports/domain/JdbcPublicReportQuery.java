package id.balai.reports.domain;

import id.balai.reports.PublicReportQuery;
import id.balai.reports.ReportStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link PublicReportQuery} in SQL: the same {@code published} rule and newest-first index as the public list. */
@Repository
class JdbcPublicReportQuery implements PublicReportQuery {

    private static final double METRES_PER_DEGREE = 111_320;

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate streaming;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    JdbcPublicReportQuery(JdbcClient jdbc, javax.sql.DataSource dataSource, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        this.streaming.setFetchSize(500);
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.tx.setReadOnly(true);
        this.tx.setTimeout(600); // an export a client stops reading from gives its connection back after 10 minutes
    }

    /** The columns of a {@link PublicReport}; its due-date columns are the report's (the category has none of those names). */
    private static final String COLUMNS = """
            r.tracking_code, r.status, coalesce(r.public_description, r.description) as text, c.code as category_code,
            c.name_id, c.name_en, r.agency_id, r.submitted_at, r.updated_at, %s as due_at, r.address, r.lat, r.lon,
            r.channel, r.kelurahan_code, r.supporters,
            (select min(p.storage_key) from report_photo p where p.report_id = r.id and p.kind = 'BEFORE' and p.hidden = false) as photo_key,
            (select e.note from report_event e where e.report_id = r.id and e.public = true and e.note is not null
              order by e.at desc, e.id desc limit 1) as status_note""".formatted(Reports.DUE_EXPR);

    private record Where(String sql, Map<String, Object> params) {}

    @Override
    public List<PublicReport> find(Criteria c, int offset, int limit) {
        Where w = where(c);
        // the page's ids first, then their columns: the photo and note sub-selects run for the page's rows
        // only, not for every row an offset skips
        // The category is joined only to filter by it: with the join, H2 may start from the category table and sort
        // every published report to take a page (a million rows on a heap of 256 MB: bench/FINDINGS.md §12).
        String from = !c.categoryCodes().isEmpty() && c.trackingCodes().isEmpty() ? "report r join report_category c on c.id = r.category_id"
                : "report r";
        return jdbc.sql("select " + COLUMNS + " from (select r.id from " + from + " where "
                        + w.sql() + " order by r.published, r.submitted_at desc, r.id desc limit :limit offset :offset) page"
                        + " join report r on r.id = page.id join report_category c on c.id = r.category_id"
                        + " order by r.submitted_at desc, r.id desc")
                .params(w.params()).param("limit", limit).param("offset", offset)
                .query(JdbcPublicReportQuery::row).list();
    }

    @Override
    public List<PublicReport> recentlyUpdated(Criteria c, int limit) {
        Where w = where(c);
        return jdbc.sql("select " + COLUMNS + " from report r join report_category c on c.id = r.category_id where " + w.sql()
                        + " order by r.published, r.updated_at desc, r.id desc limit :limit")
                .params(w.params()).param("limit", limit)
                .query(JdbcPublicReportQuery::row).list();
    }

    /**
     * Row by row in a read-only transaction, so that PostgreSQL hands them over with a cursor
     * ({@code fetchSize}) and neither side holds the whole result.
     */
    @Override
    public void each(Criteria c, java.util.function.Consumer<PublicReport> consumer) {
        Where w = where(c);
        tx.executeWithoutResult(status -> {
            var template = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(streaming);
            template.query("select " + COLUMNS + " from report r join report_category c on c.id = r.category_id where " + w.sql()
                    + " order by r.published, r.submitted_at desc, r.id desc", w.params(), rs -> {
                consumer.accept(row(rs, 0));
            });
        });
    }

    private static Where where(Criteria c) {
        StringBuilder where = new StringBuilder("r.published = true");
        Map<String, Object> params = new HashMap<>();
        if (!c.trackingCodes().isEmpty()) {
            where.append(" and r.tracking_code in (:codes)");
            params.put("codes", List.copyOf(c.trackingCodes()));
        } else {
            if (!c.categoryCodes().isEmpty()) {
                where.append(" and c.code in (:categories)");
                params.put("categories", List.copyOf(c.categoryCodes()));
            }
            if (c.submittedFrom() != null) {
                where.append(" and r.submitted_at >= :from");
                params.put("from", Reports.ts(c.submittedFrom()));
            }
            if (c.submittedBefore() != null) {
                where.append(" and r.submitted_at < :before");
                params.put("before", Reports.ts(c.submittedBefore()));
            }
            if (!c.statuses().isEmpty()) {
                where.append(" and r.status in (:statuses)");
                params.put("statuses", c.statuses().stream().map(Enum::name).toList());
            }
            if (c.updatedFrom() != null) {
                where.append(" and r.updated_at >= :updatedFrom");
                params.put("updatedFrom", Reports.ts(c.updatedFrom()));
            }
            if (c.updatedBefore() != null) {
                where.append(" and r.updated_at < :updatedBefore");
                params.put("updatedBefore", Reports.ts(c.updatedBefore()));
            }
            if (!c.agencyIds().isEmpty()) {
                where.append(" and r.agency_id in (:agencies)");
                params.put("agencies", List.copyOf(c.agencyIds()));
            }
            if (c.near() != null) {
                // a box first (index-friendly), then the distance on a flat earth: exact enough for a few kilometres
                double dLat = c.near().metres() / METRES_PER_DEGREE;
                double cos = Math.cos(Math.toRadians(c.near().lat()));
                double dLon = dLat / Math.max(0.01, cos);
                where.append(" and r.lat between :south and :north and r.lon between :west and :east"
                        + " and (r.lat - :lat) * (r.lat - :lat) + (r.lon - :lon) * (r.lon - :lon) * :cos2 <= :r2");
                params.putAll(Map.of("south", c.near().lat() - dLat, "north", c.near().lat() + dLat, "west", c.near().lon() - dLon,
                        "east", c.near().lon() + dLon, "lat", c.near().lat(), "lon", c.near().lon(), "cos2", cos * cos, "r2", dLat * dLat));
            }
            if (c.box() != null) {
                where.append(" and r.lat between :boxSouth and :boxNorth and r.lon between :boxWest and :boxEast");
                params.putAll(Map.of("boxSouth", c.box().south(), "boxNorth", c.box().north(), "boxWest", c.box().west(), "boxEast", c.box().east()));
            }
            if (c.keyword() != null && !c.keyword().isBlank()) {
                where.append(" and lower(coalesce(r.public_description, r.description)) like :keyword");
                params.put("keyword", Reports.containing(c.keyword()));
            }
        }
        if (!c.kelurahanCodes().isEmpty() && c.trackingCodes().isEmpty()) {
            where.append(" and r.kelurahan_code in (:kelurahans)");
            params.put("kelurahans", List.copyOf(c.kelurahanCodes()));
        }
        return new Where(where.toString(), params);
    }

    private static PublicReport row(ResultSet rs, int n) throws SQLException {
        long agency = rs.getLong("agency_id");
        Long agencyId = rs.wasNull() ? null : agency;
        return new PublicReport(rs.getString("tracking_code"), ReportStatus.valueOf(rs.getString("status")), rs.getString("status_note"),
                rs.getString("category_code"), rs.getString("name_id"), rs.getString("name_en"), rs.getString("text"), agencyId,
                Reports.instant(rs, "submitted_at"), Reports.instant(rs, "updated_at"), Reports.instant(rs, "due_at"),
                rs.getString("address"), rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("photo_key"), rs.getString("channel"),
                rs.getString("kelurahan_code"), rs.getInt("supporters"));
    }

    @Override
    public Map<String, List<PublicNote>> publicNotes(Collection<String> codes) {
        Map<String, List<PublicNote>> notes = new HashMap<>();
        if (codes.isEmpty()) return notes;
        jdbc.sql("""
                select r.tracking_code, e.at, e.action, e.to_status, e.note from report_event e join report r on r.id = e.report_id
                where r.tracking_code in (:codes) and r.published = true and e.public = true order by e.at, e.id""")
                .param("codes", List.copyOf(codes))
                .query(rs -> {
                    String status = rs.getString("to_status");
                    notes.computeIfAbsent(rs.getString("tracking_code"), k -> new ArrayList<>()).add(new PublicNote(Reports.instant(rs, "at"),
                            rs.getString("action"), status == null ? null : ReportStatus.valueOf(status), rs.getString("note")));
                });
        return notes;
    }

    @Override
    public List<PublicUpdate> updates(java.time.Instant from, java.time.Instant before, int limit) {
        return jdbc.sql("""
                select e.id, r.tracking_code, e.at, e.action, e.to_status, r.status, e.note,
                       case when e.action = 'RESOLVED' then (select min(p.storage_key) from report_photo p
                            where p.report_id = r.id and p.kind = 'AFTER' and p.hidden = false) end as photo_key
                from report_event e join report r on r.id = e.report_id
                where r.published = true and e.public = true and e.at >= :from and e.at < :before
                order by e.at, e.id limit :limit""")
                .param("from", Reports.ts(from)).param("before", Reports.ts(before)).param("limit", limit)
                .query((rs, n) -> {
                    String to = rs.getString("to_status");
                    return new PublicUpdate(rs.getLong("id"), rs.getString("tracking_code"), Reports.instant(rs, "at"), rs.getString("action"),
                            to == null ? null : ReportStatus.valueOf(to), ReportStatus.valueOf(rs.getString("status")), rs.getString("note"),
                            rs.getString("photo_key"));
                }).list();
    }

    @Override
    public Map<String, List<String>> publicPhotoKeys(Collection<String> codes) {
        Map<String, List<String>> keys = new HashMap<>();
        if (codes.isEmpty()) return keys;
        jdbc.sql("""
                select r.tracking_code, p.storage_key from report_photo p join report r on r.id = p.report_id
                where r.tracking_code in (:codes) and r.published = true and p.hidden = false order by p.kind desc, p.id""")
                .param("codes", List.copyOf(codes))
                .query(rs -> {
                    keys.computeIfAbsent(rs.getString("tracking_code"), k -> new ArrayList<>()).add(rs.getString("storage_key"));
                });
        return keys;
    }

    @Override
    public PublicFigures figures(String kelurahanCode, java.time.Instant since) {
        String where = kelurahanCode == null ? "published = true" : "published = true and kelurahan_code = ?";
        java.util.List<Object> params = new java.util.ArrayList<>();
        params.add(java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
        if (kelurahanCode != null) params.add(kelurahanCode);
        return jdbc.sql("select count(*), coalesce(sum(case when status in ('RESOLVED', 'CLOSED') then 1 else 0 end), 0), "
                        + "coalesce(sum(case when submitted_at >= ? then 1 else 0 end), 0) from report where " + where)
                .params(params)
                .query((rs, n) -> new PublicFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }
}
