package id.balai.opendata;

import id.balai.identity.AdminAudit;
import id.balai.platform.FieldProblem;
import id.balai.platform.storage.FileStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The city admin's changes to the catalogue: new datasets with their metadata, and files added to or
 * removed from a dataset. Files are checked by their content (CSV: UTF-8 text, no binary bytes; JSON: well
 * formed), whatever their name says. Each change is in the admin audit trail.
 */
@Service
@Transactional
class DatasetAdmin {

    static final Set<String> LICENCES = Set.of("cc-by", "cc-by-sa", "cc-zero", "odc-by");
    static final List<String> FREQUENCIES = List.of("harian", "mingguan", "bulanan", "triwulanan", "tahunan", "tidak-tentu");
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the admin typed for a new dataset. */
    record NewDataset(String title, String description, Long agencyId, String licenceId, String frequency, String tags, String kodeWilayah) {}

    /** A file of a dataset. */
    record Resource(long id, long datasetId, String name, String format, String storageKey, long sizeBytes, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final Datasets datasets;
    private final FileStorage storage;
    private final AdminAudit audit;
    private final Clock clock;

    DatasetAdmin(JdbcClient jdbc, Datasets datasets, FileStorage storage, AdminAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
    }

    List<FieldProblem> problems(NewDataset d, Set<Long> agencies) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.title() == null || d.title().strip().length() < 3 || d.title().strip().length() > 200) problems.add(new FieldProblem("title", "dataset.error.title"));
        if (d.description() == null || d.description().strip().length() < 10 || d.description().strip().length() > 4000) {
            problems.add(new FieldProblem("description", "dataset.error.description"));
        }
        if (d.agencyId() != null && !agencies.contains(d.agencyId())) problems.add(new FieldProblem("agencyId", "dataset.error.agency"));
        if (!LICENCES.contains(d.licenceId())) problems.add(new FieldProblem("licenceId", "dataset.error.licence"));
        if (!FREQUENCIES.contains(d.frequency())) problems.add(new FieldProblem("frequency", "dataset.error.frequency"));
        if (d.tags() != null && d.tags().length() > 400) problems.add(new FieldProblem("tags", "dataset.error.tags"));
        if (d.kodeWilayah() != null && !d.kodeWilayah().isBlank() && !d.kodeWilayah().strip().matches("[0-9]{2}(\\.[0-9]{2,4}){0,3}")) {
            problems.add(new FieldProblem("kodeWilayah", "dataset.error.kode-wilayah"));
        }
        return problems;
    }

    /** Saves a checked dataset; answers its slug (made from the title, unique). */
    String create(NewDataset d) {
        String base = slug(d.title());
        String slug = base;
        for (int n = 2; datasets.bySlug(slug).isPresent(); n++) slug = base + "-" + n;
        Timestamp now = Timestamp.from(clock.instant());
        String tags = tags(d);
        jdbc.sql("""
                insert into open_dataset (slug, title, description, agency_id, licence_id, frequency, kode_wilayah, tags, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(slug, d.title().strip(), d.description().strip(), d.agencyId(), d.licenceId(), d.frequency(),
                        d.kodeWilayah() == null || d.kodeWilayah().isBlank() ? null : d.kodeWilayah().strip(), tags, now, now)
                .update();
        audit.record("dataset.created", slug);
        return slug;
    }

    /**
     * Saves edited metadata over the version the admin started from (the slug stays, so links and harvesters
     * keep working); false when somebody saved in between.
     */
    boolean update(Datasets.Dataset current, NewDataset d, int expectedVersion) {
        int rows = jdbc.sql("""
                update open_dataset set title = ?, description = ?, agency_id = ?, licence_id = ?, frequency = ?, kode_wilayah = ?, tags = ?,
                updated_at = ?, version = version + 1 where id = ? and version = ?""")
                .params(d.title().strip(), d.description().strip(), d.agencyId(), d.licenceId(), d.frequency(),
                        d.kodeWilayah() == null || d.kodeWilayah().isBlank() ? null : d.kodeWilayah().strip(), tags(d),
                        Timestamp.from(clock.instant()), current.id(), expectedVersion)
                .update();
        if (rows > 0) audit.record("dataset.changed", current.slug());
        return rows > 0;
    }

    private static String tags(NewDataset d) {
        return d.tags() == null ? "" : String.join(",", java.util.Arrays.stream(d.tags().split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).toList());
    }

    /** The format the content really is (CSV or JSON), or empty when it is neither. */
    static Optional<String> formatOf(byte[] content) {
        if (content.length == 0) return Optional.empty();
        Optional<String> decoded = id.balai.platform.Utf8.strict(content);
        if (decoded.isEmpty()) return Optional.empty();
        String text = decoded.get();
        if (text.indexOf('\0') >= 0) return Optional.empty();
        String start = text.stripLeading();
        if (start.startsWith("[") || start.startsWith("{")) {
            try {
                JSON.readTree(content);
                return Optional.of("JSON");
            } catch (JacksonException e) {
                return Optional.empty();
            }
        }
        // CSV: printable text lines; control characters other than tab and line breaks mean it is something else
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return Optional.empty();
        }
        return text.isBlank() ? Optional.empty() : Optional.of("CSV");
    }

    /** Adds a file that {@link #formatOf} accepted. */
    long addFile(Datasets.Dataset dataset, String name, String format, byte[] content) {
        String key;
        try {
            key = storage.store("opendata", content, format.toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        afterCompletion(committed -> { if (!committed) deleteQuietly(key); });
        Instant now = clock.instant();
        jdbc.sql("insert into open_resource (dataset_id, name, format, storage_key, size_bytes, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(dataset.id(), name.strip(), format, key, (long) content.length, Timestamp.from(now)).update();
        long id = jdbc.sql("select max(id) from open_resource where dataset_id = ? and storage_key = ?").params(dataset.id(), key)
                .query(Long.class).single();
        datasets.touched(dataset.slug(), now);
        audit.record("dataset.file-added", dataset.slug() + "#" + id);
        return id;
    }

    /** Removes a file; false when the dataset has no such file. */
    boolean removeFile(Datasets.Dataset dataset, long resourceId) {
        Optional<Resource> r = resource(dataset.id(), resourceId);
        if (r.isEmpty()) return false;
        jdbc.sql("delete from open_resource where id = ?").param(resourceId).update();
        datasets.touched(dataset.slug(), clock.instant());
        audit.record("dataset.file-removed", dataset.slug() + "#" + resourceId);
        afterCompletion(committed -> { if (committed) deleteQuietly(r.get().storageKey()); });
        return true;
    }

    /** Files are not in the transaction: they follow its outcome once it is known. */
    private static void afterCompletion(java.util.function.Consumer<Boolean> action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                action.accept(status == STATUS_COMMITTED);
            }
        });
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (IOException e) {
            // nothing links to the file any more; a leftover file harms nobody
        }
    }

    @Transactional(readOnly = true)
    List<Resource> resources(long datasetId) {
        return jdbc.sql("select * from open_resource where dataset_id = ? order by id").param(datasetId).query(DatasetAdmin::resource).list();
    }

    @Transactional(readOnly = true)
    Optional<Resource> resource(long datasetId, long resourceId) {
        return jdbc.sql("select * from open_resource where dataset_id = ? and id = ?").params(datasetId, resourceId).query(DatasetAdmin::resource).optional();
    }

    private static Resource resource(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Resource(rs.getLong("id"), rs.getLong("dataset_id"), rs.getString("name"), rs.getString("format"), rs.getString("storage_key"),
                rs.getLong("size_bytes"), rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
    }

    static String slug(String title) {
        String s = java.text.Normalizer.normalize(title.strip().toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.isEmpty()) s = "data";
        return s.length() > 80 ? s.substring(0, 80).replaceAll("-+$", "") : s;
    }
}
