package id.balai.opendata;

import id.balai.organisation.Agency;
import id.balai.organisation.Regions;
import java.util.Optional;
import id.balai.platform.storage.FileStorage;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The catalogue for people: the list of datasets, each dataset's page with its files, and the files. */
@Controller
class OpenDataController {

    static final String PAGE = "/data";

    private final Datasets datasets;
    private final ReportStatisticsFiles statistics;
    private final Regions regions;
    private final DatasetAdmin admin;
    private final FileStorage storage;

    OpenDataController(Datasets datasets, ReportStatisticsFiles statistics, Regions regions, DatasetAdmin admin, FileStorage storage) {
        this.datasets = datasets;
        this.statistics = statistics;
        this.regions = regions;
        this.admin = admin;
        this.storage = storage;
    }

    @GetMapping(PAGE)
    String catalogue(Model model) {
        model.addAttribute("datasets", datasets.all());
        return "opendata/catalogue";
    }

    @GetMapping(PAGE + "/{slug}")
    String dataset(@PathVariable String slug, Model model) {
        Datasets.Dataset d = datasets.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("dataset", d);
        model.addAttribute("publisher", Optional.ofNullable(d.agencyId()).flatMap(regions::agency).map(Agency::name).orElse(null));
        model.addAttribute("licence", CkanApiController.licenceTitle(d.licenceId()));
        boolean generated = d.slug().equals(ReportStatisticsFiles.DATASET);
        model.addAttribute("files", generated ? java.util.List.of(ReportStatisticsFiles.FILE + ".csv", ReportStatisticsFiles.FILE + ".json")
                : java.util.List.of());
        if (generated) model.addAttribute("rows", statistics.current().rows());
        model.addAttribute("uploads", admin.resources(d.id()));
        return "opendata/dataset";
    }

    /** A file the admin uploaded; served as a download, never rendered by the browser. */
    @GetMapping(PAGE + "/{slug}/berkas/{id}")
    ResponseEntity<byte[]> upload(@PathVariable String slug, @PathVariable long id) throws java.io.IOException {
        Datasets.Dataset d = datasets.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        DatasetAdmin.Resource r = admin.resource(d.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] content;
        try (var in = storage.open(r.storageKey())) {
            content = in.readAllBytes();
        }
        boolean csv = r.format().equals("CSV");
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-" + id + (csv ? ".csv" : ".json") + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .lastModified(r.createdAt())
                .body(content);
    }

    @GetMapping(PAGE + "/" + ReportStatisticsFiles.DATASET + "/{file}")
    ResponseEntity<byte[]> file(@PathVariable String file) {
        ReportStatisticsFiles.Files files = statistics.current();
        boolean csv = file.equals(ReportStatisticsFiles.FILE + ".csv");
        if (!csv && !file.equals(ReportStatisticsFiles.FILE + ".json")) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .lastModified(files.madeAt())
                .body(csv ? files.csv() : files.json());
    }
}
