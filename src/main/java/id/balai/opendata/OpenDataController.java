package id.balai.opendata;

import id.balai.organisation.Agency;
import id.balai.organisation.Regions;
import java.util.Optional;
import id.balai.platform.storage.FileStorage;
import id.balai.platform.web.Downloads;
import org.springframework.http.CacheControl;
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
    private final DatasetFiles files;

    OpenDataController(Datasets datasets, ReportStatisticsFiles statistics, Regions regions, DatasetAdmin admin, FileStorage storage,
            DatasetFiles files) {
        this.files = files;
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
        model.addAttribute("files", files.of(d));
        if (d.slug().equals(ReportStatisticsFiles.DATASET)) model.addAttribute("rows", statistics.current().rows());
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
        return Downloads.attachment(csv ? Downloads.CSV : MediaType.APPLICATION_JSON, slug + "-" + id + (csv ? ".csv" : ".json"))
                .lastModified(r.createdAt()).body(content);
    }

    @GetMapping(PAGE + "/" + ReportStatisticsFiles.DATASET + "/{file}")
    ResponseEntity<byte[]> file(@PathVariable String file) {
        ReportStatisticsFiles.Files files = statistics.current();
        boolean csv = file.equals(ReportStatisticsFiles.FILE + ".csv");
        if (!csv && !file.equals(ReportStatisticsFiles.FILE + ".json")) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        return Downloads.attachment(csv ? Downloads.CSV : MediaType.APPLICATION_JSON, file)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .lastModified(files.madeAt())
                .body(csv ? files.csv() : files.json());
    }
}
