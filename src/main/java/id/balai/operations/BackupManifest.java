package id.balai.operations;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json} inside a backup: what it holds, so that a restore can check it is complete.
 * Counts only, never content: a manifest holds no personal data.
 *
 * @param format layout version of the archive (this code writes and reads {@value #FORMAT})
 * @param createdAt when the backup started, ISO-8601 with offset in the city's time zone
 * @param appVersion Balai version that wrote it
 * @param databaseProduct database product name as the JDBC driver reports it ({@code H2}, {@code PostgreSQL})
 * @param databaseVersion its version
 * @param databaseIncluded whether {@code database/h2-backup.zip} is in the archive
 * @param files number of stored files under {@code files/}
 * @param fileBytes their total size
 * @param rowCounts rows of the main tables when the backup started
 */
record BackupManifest(int format, String createdAt, String appVersion, String databaseProduct, String databaseVersion,
        boolean databaseIncluded, long files, long fileBytes, Map<String, Long> rowCounts) {

    static final int FORMAT = 1;
    static final String ENTRY = "manifest.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    BackupManifest {
        rowCounts = rowCounts == null ? Map.of() : new LinkedHashMap<>(rowCounts);
    }

    byte[] toJson() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    }

    static BackupManifest read(InputStream in) throws IOException {
        try {
            return JSON.readValue(in, BackupManifest.class);
        } catch (JacksonException e) {
            throw new IOException("manifest.json is not valid: " + e.getOriginalMessage(), e);
        }
    }
}
