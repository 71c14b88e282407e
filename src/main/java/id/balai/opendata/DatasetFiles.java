package id.balai.opendata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A dataset's files, as the public page and the CKAN API both list them: the report statistics' made files
 * (for that dataset) and then the files the admin uploaded. {@code path} is where each is downloaded.
 */
@Component
class DatasetFiles {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");

    record DatasetFile(String id, String name, String description, String format, String path, Long size, Instant created, Instant modified) {

        String mimeType() {
            return format.equals("CSV") ? "text/csv" : "application/json";
        }
    }

    private final ReportStatisticsFiles statistics;
    private final DatasetAdmin admin;
    private final MessageSource messages;

    DatasetFiles(ReportStatisticsFiles statistics, DatasetAdmin admin, MessageSource messages) {
        this.statistics = statistics;
        this.admin = admin;
        this.messages = messages;
    }

    List<DatasetFile> of(Datasets.Dataset d) {
        List<DatasetFile> files = new ArrayList<>();
        String base = OpenDataController.PAGE + "/" + d.slug() + "/";
        if (d.slug().equals(ReportStatisticsFiles.DATASET)) {
            Instant made = statistics.current().madeAt();
            for (String format : List.of("CSV", "JSON")) {
                String file = ReportStatisticsFiles.FILE + "." + format.toLowerCase(Locale.ROOT);
                files.add(new DatasetFile(d.slug() + "-" + file.replace('.', '-'),
                        messages.getMessage("opendata.statistics.file", null, INDONESIAN),
                        messages.getMessage("opendata.statistics.file.description", null, INDONESIAN), format, base + file, null,
                        d.createdAt(), made));
            }
        }
        for (DatasetAdmin.Resource u : admin.resources(d.id())) {
            files.add(new DatasetFile(d.slug() + "-" + u.id(), u.name(), "", u.format(), base + "berkas/" + u.id(), u.sizeBytes(),
                    u.createdAt(), u.createdAt()));
        }
        return files;
    }
}
