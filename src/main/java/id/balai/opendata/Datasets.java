package id.balai.opendata;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalogue's datasets. */
@Repository
class Datasets {

    /** One dataset; {@code agencyId} is the OPD that publishes it (null: the city as a whole). */
    record Dataset(long id, String slug, String title, String description, Long agencyId, String licenceId, String frequency,
            String kodeWilayah, List<String> tags, Instant createdAt, Instant updatedAt, int version) {}

    private final JdbcClient jdbc;

    Datasets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Dataset> all() {
        return jdbc.sql("select * from open_dataset order by title, id").query(Datasets::row).list();
    }

    Optional<Dataset> bySlug(String slug) {
        return jdbc.sql("select * from open_dataset where slug = ?").param(slug).query(Datasets::row).optional();
    }

    void touched(String slug, Instant at) {
        jdbc.sql("update open_dataset set updated_at = ? where slug = ?").params(OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC), slug).update();
    }

    private static Dataset row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Dataset(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("description"),
                rs.getObject("agency_id", Long.class), rs.getString("licence_id"), rs.getString("frequency"), rs.getString("kode_wilayah"),
                List.of(rs.getString("tags").split(",")).stream().map(String::strip).filter(t -> !t.isEmpty()).toList(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }
}
