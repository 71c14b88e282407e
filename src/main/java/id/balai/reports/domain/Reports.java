package id.balai.reports.domain;

import id.balai.platform.web.PublicContent;
import id.balai.reports.ReportStatus;
import id.balai.reports.domain.TimelineEntry.Action;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stores reports with their reporter, answers, photos and timeline. */
@Repository
public class Reports {

    private final JdbcClient jdbc;
    private final PublicContent publicContent;

    Reports(JdbcClient jdbc, PublicContent publicContent) {
        this.jdbc = jdbc;
        this.publicContent = publicContent;
    }

    // --- the aggregate ------------------------------------------------------------------------

    public Optional<Report> byId(long id) {
        return jdbc.sql("select * from report where id = ?").param(id).query(Reports::map).optional();
    }

    public Optional<Report> byTrackingCode(String code) {
        return jdbc.sql("select * from report where tracking_code = ?").param(code).query(Reports::map).optional();
    }

    public Optional<Report> bySubmissionKey(String key) {
        return jdbc.sql("select * from report where submission_key = ?").param(key).query(Reports::map).optional();
    }

    public boolean trackingCodeTaken(String code) {
        return jdbc.sql("select count(*) from report where tracking_code = ?").param(code).query(Integer.class).single() > 0;
    }

    /** Inserts a new report with its first timeline entry. */
    void insert(Report r) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                    insert into report (tracking_code, submission_key, citizen_token, category_id, description, lat, lon, address,
                        location_precise, kelurahan_code, status, anonymous, confidential, published, channel, submitted_at, updated_at, verify_due_at)
                    values (:tracking, :submission, :token, :category, :description, :lat, :lon, :address,
                        :precise, :kelurahan, :status, :anonymous, :confidential, :published, :channel, :submitted, :updated, :verifyDue)""")
                    .param("tracking", r.trackingCode).param("submission", r.submissionKey).param("token", r.citizenToken)
                    .param("category", r.categoryId).param("description", r.description).param("lat", r.lat).param("lon", r.lon)
                    .param("address", r.address).param("precise", r.locationPrecise).param("kelurahan", r.kelurahanCode)
                    .param("status", r.status.name()).param("anonymous", r.anonymous).param("confidential", r.confidential)
                    .param("published", r.isPublic()).param("channel", r.channel).param("submitted", ts(r.submittedAt)).param("updated", ts(r.updatedAt))
                    .param("verifyDue", ts(r.verifyDueAt))
                    .update(keys, "id");
        r.id = keys.getKeyAs(Number.class).longValue();
        if (r.isPublic()) {
            countOnMap(r, 1);
            publicContent.changed();
        }
        r.publishedStored = r.isPublic();
        r.publicFaceStored = r.publicFace();
        flushTimeline(r);
    }

    /** Saves changes; a concurrent change by somebody else makes this fail instead of overwriting it. */
    void update(Report r) {
        int rows = jdbc.sql("""
                update report set description = :description, public_description = :publicDescription, agency_id = :agency,
                    status = :status, published = :published, updated_at = greatest(updated_at, :updated), routed_at = :routed, verify_due_at = :verifyDue,
                    followup_due_at = :followUpDue, resolved_at = :resolved, autoclose_due_at = :autoCloseDue, closed_at = :closed,
                    escalation_level = :escalation, duplicate_of = :duplicateOf, supporters = supporters + :supportersAdded, rating = :rating,
                    rating_comment = :ratingComment, version = version + 1
                where id = :id and version = :version""")
                .param("description", r.description).param("publicDescription", r.publicDescription).param("agency", r.agencyId)
                .param("status", r.status.name()).param("published", r.isPublic()).param("updated", ts(r.updatedAt)).param("routed", ts(r.routedAt))
                .param("verifyDue", ts(r.verifyDueAt)).param("followUpDue", ts(r.followUpDueAt)).param("resolved", ts(r.resolvedAt))
                .param("autoCloseDue", ts(r.autoCloseDueAt)).param("closed", ts(r.closedAt)).param("escalation", r.escalationLevel)
                .param("duplicateOf", r.duplicateOf).param("supportersAdded", r.supportersAdded).param("rating", r.rating)
                .param("ratingComment", r.ratingComment).param("id", r.id).param("version", r.version)
                .update();
        if (rows != 1) throw new WorkflowException("error.workflow.conflict");
        r.version++;
        List<Object> face = r.publicFace(); // before the added supporters are folded in: they count as a change
        r.supporters += r.supportersAdded;
        r.supportersAdded = 0;
        if (!Objects.equals(face, r.publicFaceStored)) publicContent.changed();
        if (r.isPublic() != r.publishedStored) countOnMap(r, r.isPublic() ? 1 : -1);
        r.publishedStored = r.isPublic();
        r.publicFaceStored = face;
        flushTimeline(r);
    }

    /** Size of a map cell in degrees: the zoom-16 grid of the public map (360° / 2^16 tiles / 6). */
    public static final double MAP_CELL_DEGREES = 360.0 / 65536 / 6;

    /** Adds or removes a report from the public map's cell counts, in the same transaction as the change. */
    private void countOnMap(Report r, int delta) {
        long cy = (long) Math.floor(r.lat / MAP_CELL_DEGREES);
        long cx = (long) Math.floor(r.lon / MAP_CELL_DEGREES);
        int counted = jdbc.sql("update report_map_cell set n = n + ?, sum_lat = sum_lat + ?, sum_lon = sum_lon + ? where cy = ? and cx = ?")
                .params(delta, delta * r.lat, delta * r.lon, cy, cx).update();
        // A new cell. Not "insert … where not exists": H2 reused that subquery's earlier answer within one
        // transaction, so the second report in a new cell during the demo seed hit the primary key.
        if (counted == 0 && delta > 0) {
            jdbc.sql("insert into report_map_cell (cy, cx, n, sum_lat, sum_lon) values (?, ?, ?, ?, ?)")
                    .params(cy, cx, delta, delta * r.lat, delta * r.lon).update();
        }
    }

    private void flushTimeline(Report r) {
        r.newEntries.forEach(e -> appendTimeline(r.id, e));
        r.newEntries.clear();
    }

    /** Adds one entry without touching the report row (a support must not conflict with staff work). */
    void appendTimeline(long reportId, TimelineEntry e) {
        jdbc.sql("""
                insert into report_event (report_id, at, actor, actor_role, action, from_status, to_status, note, public, agency_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reportId, ts(e.at()), e.actor(), e.actorRole(), e.action().name(),
                        e.from() == null ? null : e.from().name(), e.to() == null ? null : e.to().name(),
                        e.note(), e.publicNote(), e.agencyId())
                .update();
    }

    // --- parts of a report --------------------------------------------------------------------

    public record Reporter(String name, String phone, String email) {}

    void saveReporter(long reportId, Reporter reporter) {
        jdbc.sql("insert into report_reporter (report_id, name, phone, email) values (?, ?, ?, ?)")
                .params(reportId, reporter.name(), reporter.phone(), reporter.email()).update();
    }

    public Optional<Reporter> reporter(long reportId) {
        return jdbc.sql("select name, phone, email from report_reporter where report_id = ?").param(reportId)
                .query((rs, i) -> new Reporter(rs.getString("name"), rs.getString("phone"), rs.getString("email"))).optional();
    }

    /** A report with its reporter's e-mail address and newest public note: what a notification needs. */
    record ForNotice(Report report, String reporterEmail, String latestPublicNote) {}

    /** One query for {@link ForNotice} (notifications run once per event and listener). */
    Optional<ForNotice> forNotice(long reportId) {
        return jdbc.sql("""
                select r.*, rr.email as reporter_email,
                    (select e.note from report_event e where e.report_id = r.id and e.public = true and e.note is not null
                     order by e.at desc, e.id desc limit 1) as latest_public_note
                from report r left join report_reporter rr on rr.report_id = r.id
                where r.id = ?""").param(reportId)
                .query((rs, i) -> new ForNotice(map(rs, i), rs.getString("reporter_email"), rs.getString("latest_public_note")))
                .optional();
    }

    void saveAnswers(long reportId, Map<String, String> answers) {
        answers.forEach((code, value) -> jdbc.sql("insert into report_answer (report_id, question_code, answer) values (?, ?, ?)")
                .params(reportId, code, value).update());
    }

    public Map<String, String> answers(long reportId) {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        jdbc.sql("select question_code, answer from report_answer where report_id = ? order by question_code").param(reportId)
                .query(rs -> { result.put(rs.getString(1), rs.getString(2)); });
        return result;
    }

    public record Photo(long id, long reportId, String kind, String storageKey, String thumbKey, int width, int height,
            boolean hidden) {}

    void addPhoto(long reportId, String kind, String storageKey, String thumbKey, int width, int height, Instant now) {
        jdbc.sql("insert into report_photo (report_id, kind, storage_key, thumb_key, width, height, hidden, created_at) values (?,?,?,?,?,?,false,?)")
                .params(reportId, kind, storageKey, thumbKey, width, height, ts(now)).update();
    }

    public List<Photo> photos(long reportId) {
        return jdbc.sql("select * from report_photo where report_id = ? order by id").param(reportId)
                .query(Reports::photo)
                .list();
    }

    public Optional<Photo> photoById(long id) {
        return jdbc.sql("select * from report_photo where id = ?").param(id)
                .query(Reports::photo)
                .optional();
    }

    /** The photo stored under a key (full size or thumbnail), for serving it. */
    public Optional<Photo> photoByKey(String key) {
        return jdbc.sql("select * from report_photo where storage_key = ? or thumb_key = ?").params(key, key)
                .query(Reports::photo)
                .optional();
    }

    private static Photo photo(ResultSet rs, int row) throws SQLException {
        return new Photo(rs.getLong("id"), rs.getLong("report_id"), rs.getString("kind"), rs.getString("storage_key"),
                rs.getString("thumb_key"), rs.getInt("width"), rs.getInt("height"), rs.getBoolean("hidden"));
    }

    void hidePhoto(long reportId, long photoId) {
        int rows = jdbc.sql("update report_photo set hidden = true where id = ? and report_id = ?").params(photoId, reportId).update();
        if (rows != 1) throw new WorkflowException("error.photo.unknown");
        publicContent.changed();
    }

    public List<TimelineEntry> timeline(long reportId) {
        return jdbc.sql("select * from report_event where report_id = ? order by at, id").param(reportId)
                .query((rs, i) -> {
                    Long agency = rs.getObject("agency_id", Long.class);
                    String from = rs.getString("from_status");
                    String to = rs.getString("to_status");
                    return new TimelineEntry(instant(rs, "at"), rs.getString("actor"), rs.getString("actor_role"),
                            Action.valueOf(rs.getString("action")), from == null ? null : ReportStatus.valueOf(from),
                            to == null ? null : ReportStatus.valueOf(to), rs.getString("note"), rs.getBoolean("public"), agency);
                }).list();
    }

    /** Records one "saya juga" per supporter; answers false when this supporter already counted. */
    boolean addSupport(long reportId, String supporterKey, Instant now) {
        // insert … where not exists: a race between two clicks inserts once and never aborts the transaction
        int inserted = jdbc.sql("""
                insert into report_support (report_id, supporter_key, at)
                select ?, ?, ? where not exists (select 1 from report_support where report_id = ? and supporter_key = ?)""")
                .params(reportId, supporterKey, ts(now), reportId, supporterKey).update();
        if (inserted == 0) return false;
        // the count is public (Open311 votes): clients polling on updated_datetime must see it move
        jdbc.sql("update report set supporters = supporters + 1, updated_at = greatest(updated_at, ?) where id = ?").params(ts(now), reportId).update();
        publicContent.changed();
        return true;
    }

    // --- lists --------------------------------------------------------------------------------

    /** One row of a list or map. {@code thumbKey} is the first visible citizen photo, if any. */
    public record Summary(long id, String trackingCode, long categoryId, ReportStatus status, String text,
            String kelurahanCode, Long agencyId, Instant submittedAt, Instant dueAt, int supporters, double lat, double lon,
            boolean confidential, int escalationLevel, String thumbKey) {

        public boolean overdue(Instant now) {
            return dueAt != null && status != ReportStatus.RESOLVED && now.isAfter(dueAt);
        }
    }

    /** A filter for lists; null fields do not filter. */
    public record Filter(Long categoryId, ReportStatus status, String kelurahanCode, Long agencyId, Instant from,
            Instant to, Boolean overdueOnly, String text) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null);
        }
    }

    static final String DUE_EXPR = """
            case when status in ('RECEIVED','VERIFIED') then verify_due_at
                 when status in ('ROUTED','IN_PROGRESS','REOPENED') then followup_due_at
                 when status = 'RESOLVED' then autoclose_due_at end""";

    private static final String SUMMARY_COLUMNS = """
            id, tracking_code, category_id, status, coalesce(public_description, description) as text, kelurahan_code, agency_id,
            submitted_at, %s as due_at, supporters, lat, lon, confidential, escalation_level,
            (select min(p.thumb_key) from report_photo p where p.report_id = report.id and p.kind = 'BEFORE' and p.hidden = false) as thumb_key
            """.formatted(DUE_EXPR);

    /** Public list: never confidential, only public statuses; newest first. */
    public List<Summary> publicList(Filter f, int offset, int limit) {
        Where w = publicWhere(f);
        // Newest first, spelled as the index that serves this filter is ordered, so the database reads
        // only the rows it returns (published is constant here, so the extra sort keys change nothing).
        String order = f.kelurahanCode() != null ? "published, kelurahan_code, submitted_at desc, id desc"
                : f.categoryId() != null ? "published, category_id, submitted_at desc, id desc"
                : "published, submitted_at desc, id desc";
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from report where " + w.sql + " order by " + order + " limit :limit offset :offset")
                .params(w.params).param("limit", limit).param("offset", offset)
                .query(Reports::summary).list();
    }

    /** A map cell: several reports drawn as one marker with a count, or one report. */
    public record Cell(double lat, double lon, int count, String trackingCode, long categoryId, ReportStatus status) {}

    /**
     * Public map: reports in the box, grouped into a grid of {@code cellDegrees} so that a phone draws a
     * few dozen markers instead of thousands. A cell with one report carries its tracking code.
     */
    public List<Cell> publicMap(Filter f, double south, double west, double north, double east, double cellDegrees) {
        if (Filter.none().equals(f) && cellDegrees >= MAP_CELL_DEGREES) return mapFromCells(south, west, north, east, cellDegrees);
        Where w = publicWhere(f);
        w.add("lat between :south and :north and lon between :west and :east", Map.of("south", south, "north", north, "west", west, "east", east));
        return jdbc.sql("""
                select count(*) as n, avg(lat) as lat, avg(lon) as lon,
                       min(tracking_code) as code, min(category_id) as category, min(status) as status
                from report where %s group by floor(lat / :cell), floor(lon / :cell) limit 2000""".formatted(w.sql))
                .params(w.params).param("cell", cellDegrees)
                .query((rs, i) -> {
                    int n = rs.getInt("n");
                    return new Cell(rs.getDouble("lat"), rs.getDouble("lon"), n, n == 1 ? rs.getString("code") : null,
                            rs.getLong("category"), ReportStatus.valueOf(rs.getString("status")));
                }).list();
    }

    /**
     * The unfiltered map from the pre-counted cells: a zoom-level cell is a square of whole base cells. A
     * group of one report carries no tracking code here; the map shows it as a count and zooming in
     * (where the live query answers) names it.
     */
    private List<Cell> mapFromCells(double south, double west, double north, double east, double cellDegrees) {
        long factor = Math.max(1, Math.round(cellDegrees / MAP_CELL_DEGREES));
        // The factor is our own integer, written into the SQL: H2 took about 1.5 s per query when the
        // GROUP BY expression held a bind parameter, and milliseconds with a literal.
        return jdbc.sql("""
                select sum(n) as n, sum(sum_lat) / sum(n) as lat, sum(sum_lon) / sum(n) as lon
                from report_map_cell
                where n > 0 and cy between :cy0 and :cy1 and cx between :cx0 and :cx1
                group by floor(cy / %d.0), floor(cx / %d.0)
                limit 2000""".formatted(factor, factor))
                .param("cy0", (long) Math.floor(south / MAP_CELL_DEGREES)).param("cy1", (long) Math.floor(north / MAP_CELL_DEGREES))
                .param("cx0", (long) Math.floor(west / MAP_CELL_DEGREES)).param("cx1", (long) Math.floor(east / MAP_CELL_DEGREES))
                .query((rs, i) -> new Cell(rs.getDouble("lat"), rs.getDouble("lon"), rs.getInt("n"), null, 0, null)).list();
    }

    /** Open public reports of a category near a point (for "saya juga" instead of a duplicate). */
    public List<Summary> openNearby(long categoryId, double lat, double lon, double radiusMetres, int limit) {
        double dLat = radiusMetres / 111_320.0;
        double dLon = radiusMetres / (111_320.0 * Math.max(0.1, Math.cos(Math.toRadians(lat))));
        List<Summary> candidates = jdbc.sql("select " + SUMMARY_COLUMNS + """
                 from report where published = true and category_id = :category
                  and status in ('VERIFIED','ROUTED','IN_PROGRESS','REOPENED')
                  and lat between :s and :n and lon between :w and :e
                 order by submitted_at desc limit 50""")
                .param("category", categoryId).param("s", lat - dLat).param("n", lat + dLat).param("w", lon - dLon).param("e", lon + dLon)
                .query(Reports::summary).list();
        var here = new id.balai.organisation.GeoPoint(lat, lon);
        return candidates.stream()
                .filter(s -> here.distanceTo(new id.balai.organisation.GeoPoint(s.lat(), s.lon())) <= radiusMetres)
                .limit(limit).toList();
    }

    /** Staff inbox: {@code scope} is an SQL condition from the policy; overdue first, then the nearest deadline. */
    public List<Summary> inbox(String scopeSql, Map<String, Object> scopeParams, Filter f, Instant now, int offset, int limit) {
        Where w = new Where(scopeSql, scopeParams);
        applyFilter(w, f);
        if (Boolean.TRUE.equals(f.overdueOnly())) {
            w.add("(" + DUE_EXPR + ") < :now and status <> 'RESOLVED'", Map.of("now", ts(now)));
        }
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from report where " + w.sql + " " + """
                 order by case when status in ('RECEIVED','VERIFIED','ROUTED','IN_PROGRESS','REOPENED') and (%s) < :nowOrder then 0 else 1 end,
                          case when status in ('RECEIVED','VERIFIED','ROUTED','IN_PROGRESS','REOPENED') then 0 else 1 end,
                          (%s) asc, submitted_at desc, id desc
                 limit :limit offset :offset""".formatted(DUE_EXPR, DUE_EXPR))
                .params(w.params).param("nowOrder", ts(now)).param("limit", limit).param("offset", offset)
                .query(Reports::summary).list();
    }

    /**
     * Reports whose deadline has passed, for escalation: never escalated ones first, then those at
     * level 1 by oldest deadline. In id order, a batch could fill up with level-1 reports not yet due
     * for level 2 and keep newer overdue reports waiting behind them for ever.
     */
    public List<Report> overdue(Instant now, int limit) {
        return jdbc.sql("""
                select * from report where escalation_level < 2 and (
                     (status in ('RECEIVED','VERIFIED') and verify_due_at < :now)
                  or (status in ('ROUTED','IN_PROGRESS','REOPENED') and followup_due_at < :now))
                order by escalation_level,
                     case when status in ('RECEIVED','VERIFIED') then verify_due_at else followup_due_at end, id
                limit :limit""")
                .param("now", ts(now)).param("limit", limit).query(Reports::map).list();
    }

    public List<Report> dueForAutoClose(Instant now, int limit) {
        return jdbc.sql("select * from report where status = 'RESOLVED' and autoclose_due_at < ? order by id limit ?")
                .params(ts(now), limit).query(Reports::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from report").query(Long.class).single();
    }

    // --- helpers ------------------------------------------------------------------------------

    private Where publicWhere(Filter f) {
        Where w = new Where("published = true", Map.of());
        applyFilter(w, f);
        return w;
    }

    private static void applyFilter(Where w, Filter f) {
        if (f.categoryId() != null) w.add("category_id = :fCategory", Map.of("fCategory", f.categoryId()));
        if (f.status() != null) w.add("status = :fStatus", Map.of("fStatus", f.status().name()));
        if (f.kelurahanCode() != null) w.add("kelurahan_code = :fKelurahan", Map.of("fKelurahan", f.kelurahanCode()));
        if (f.agencyId() != null) w.add("agency_id = :fAgency", Map.of("fAgency", f.agencyId()));
        if (f.from() != null) w.add("submitted_at >= :fFrom", Map.of("fFrom", ts(f.from())));
        if (f.to() != null) w.add("submitted_at < :fTo", Map.of("fTo", ts(f.to())));
        if (f.text() != null && !f.text().isBlank()) {
            w.add("(tracking_code = :fCode or lower(coalesce(public_description, description)) like :fText)",
                    Map.of("fCode", f.text().trim().toUpperCase(), "fText", containing(f.text())));
        }
    }

    /** A LIKE pattern for lower-cased text containing these words; LIKE's own wildcards are taken out of them. */
    static String containing(String words) {
        return "%" + words.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "") + "%";
    }

    private static final class Where {
        String sql;
        final Map<String, Object> params = new java.util.HashMap<>();

        Where(String sql, Map<String, Object> params) {
            this.sql = sql;
            this.params.putAll(params);
        }

        void add(String condition, Map<String, Object> more) {
            sql = sql + " and " + condition;
            params.putAll(more);
        }
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Summary summary(ResultSet rs, int row) throws SQLException {
        long agency = rs.getLong("agency_id");
        Long agencyId = rs.wasNull() ? null : agency;
        return new Summary(rs.getLong("id"), rs.getString("tracking_code"), rs.getLong("category_id"),
                ReportStatus.valueOf(rs.getString("status")), rs.getString("text"), rs.getString("kelurahan_code"), agencyId,
                instant(rs, "submitted_at"), instant(rs, "due_at"), rs.getInt("supporters"), rs.getDouble("lat"),
                rs.getDouble("lon"), rs.getBoolean("confidential"), rs.getInt("escalation_level"), rs.getString("thumb_key"));
    }

    static Report map(ResultSet rs, int row) throws SQLException {
        Report r = new Report();
        r.id = rs.getLong("id");
        r.trackingCode = rs.getString("tracking_code");
        r.submissionKey = rs.getString("submission_key");
        r.citizenToken = rs.getString("citizen_token");
        r.categoryId = rs.getLong("category_id");
        r.description = rs.getString("description");
        r.publicDescription = rs.getString("public_description");
        r.lat = rs.getDouble("lat");
        r.lon = rs.getDouble("lon");
        r.address = rs.getString("address");
        r.locationPrecise = rs.getBoolean("location_precise");
        r.kelurahanCode = rs.getString("kelurahan_code");
        long agency = rs.getLong("agency_id");
        r.agencyId = rs.wasNull() ? null : agency;
        r.status = ReportStatus.valueOf(rs.getString("status"));
        r.anonymous = rs.getBoolean("anonymous");
        r.confidential = rs.getBoolean("confidential");
        r.channel = rs.getString("channel");
        r.submittedAt = instant(rs, "submitted_at");
        r.updatedAt = instant(rs, "updated_at");
        r.routedAt = instant(rs, "routed_at");
        r.verifyDueAt = instant(rs, "verify_due_at");
        r.followUpDueAt = instant(rs, "followup_due_at");
        r.resolvedAt = instant(rs, "resolved_at");
        r.autoCloseDueAt = instant(rs, "autoclose_due_at");
        r.closedAt = instant(rs, "closed_at");
        r.escalationLevel = rs.getInt("escalation_level");
        long dup = rs.getLong("duplicate_of");
        r.duplicateOf = rs.wasNull() ? null : dup;
        r.supporters = rs.getInt("supporters");
        int rating = rs.getInt("rating");
        r.rating = rs.wasNull() ? null : rating;
        r.ratingComment = rs.getString("rating_comment");
        r.version = rs.getInt("version");
        r.publishedStored = rs.getBoolean("published");
        r.publicFaceStored = r.publicFace();
        return r;
    }

}
