package id.balai.reports.web;

import id.balai.organisation.Regions;
import id.balai.platform.BalaiProperties;
import id.balai.platform.storage.FileStorage;
import id.balai.platform.web.PublicPageCache;
import id.balai.reports.ReportStatus;
import id.balai.reports.domain.Categories;
import id.balai.reports.domain.Report;
import id.balai.reports.domain.Reports;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Public list and map of reports, and their published photos. Confidential reports never appear. */
@Controller
class PublicReportsController {

    static final int PAGE_SIZE = 20;

    private final Reports reports;
    private final Categories categories;
    private final Regions regions;
    private final FileStorage storage;
    private final BalaiProperties properties;

    PublicReportsController(Reports reports, Categories categories, Regions regions, FileStorage storage, BalaiProperties properties) {
        this.reports = reports;
        this.categories = categories;
        this.regions = regions;
        this.storage = storage;
        this.properties = properties;
    }

    /** The busiest public pages, kept rendered for visitors who are not logged in (see PublicPageCache). */
    @Bean
    static PublicPageCache.Pages publicReportPages() {
        return PublicPageCache.Pages.of("/laporan", "/laporan/peta", "/laporan/peta.json");
    }

    @GetMapping("/laporan")
    String list(PublicFilter filter, @RequestParam(defaultValue = "1") int page, Model model) {
        int current = Math.max(1, Math.min(page, 500));
        List<Reports.Summary> rows = reports.publicList(filter.toFilter(properties), (current - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute("rows", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("page", current);
        addFilterModel(filter, model);
        return "reports/list";
    }

    @GetMapping("/laporan/peta")
    String map(PublicFilter filter, Model model) {
        addFilterModel(filter, model);
        model.addAttribute("centre", regions.centre());
        return "reports/map";
    }

    /**
     * Map data as GeoJSON: reports in the visible box grouped into grid cells sized to the zoom level,
     * so a cheap phone draws dozens of markers, not thousands.
     */
    @GetMapping(value = "/laporan/peta.json", produces = "application/geo+json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> mapData(PublicFilter filter, @RequestParam(required = false) String bbox,
            @RequestParam(defaultValue = "13") int zoom) {
        double[] box = parseBox(bbox);
        if (box == null) return ResponseEntity.badRequest().body(Map.of("error", "bbox=south,west,north,east"));
        int z = Math.max(1, Math.min(zoom, 20));
        box = wholeTiles(box, 360.0 / Math.pow(2, z));
        // cells of about a sixth of a 256 px tile; from zoom 18 on, one marker per report
        double cell = z >= 18 ? 1e-7 : 360.0 / Math.pow(2, z) / 6;
        List<Map<String, Object>> features = new ArrayList<>();
        for (Reports.Cell c : reports.publicMap(filter.toFilter(properties), box[0], box[1], box[2], box[3], cell)) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("count", c.count());
            if (c.trackingCode() != null) {
                props.put("code", c.trackingCode());
                props.put("status", c.status().name());
                props.put("category", categories.byId(c.categoryId()).map(cat -> cat.nameId()).orElse(""));
            }
            features.add(Map.of("type", "Feature",
                    "geometry", Map.of("type", "Point", "coordinates", List.of(round(c.lon()), round(c.lat()))),
                    "properties", props));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)))
                .body(Map.of("type", "FeatureCollection", "features", features));
    }

    /** Kelurahan boundaries for maps, as GeoJSON. */
    @GetMapping(value = "/wilayah/kelurahan.json", produces = "application/geo+json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> boundaries() {
        List<Map<String, Object>> features = new ArrayList<>();
        regions.kelurahanBoundaries().forEach((code, ring) -> features.add(Map.of("type", "Feature",
                "properties", Map.of("code", code, "name", regions.find(code).map(r -> r.name()).orElse(code)),
                "geometry", Map.of("type", "Polygon", "coordinates", List.of(ring.stream().map(p -> List.of(p[1], p[0])).toList())))));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(Map.of("type", "FeatureCollection", "features", features));
    }

    /** A published photo: only of a public report, and not hidden by a moderator. */
    @GetMapping("/media/{folder}/{year}/{month}/{file}")
    ResponseEntity<InputStreamResource> media(@PathVariable String folder, @PathVariable String year, @PathVariable String month,
            @PathVariable String file) throws IOException {
        String key = folder + "/" + year + "/" + month + "/" + file;
        Reports.Photo photo = reports.photoByKey(key).filter(p -> !p.hidden()).orElseThrow(WebErrors::notFound);
        boolean published = reports.byId(photo.reportId()).map(Report::isPublic).orElse(false);
        if (!published || !storage.exists(key)) throw WebErrors.notFound();
        return CitizenReportController.image(storage.open(key), CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    }

    private void addFilterModel(PublicFilter filter, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("categories", categories.all());
        model.addAttribute("kelurahans", regions.kelurahans());
        model.addAttribute("statuses", ReportStatus.PUBLIC);
    }

    private static double[] parseBox(String bbox) {
        if (bbox == null) return null;
        String[] parts = bbox.split(",");
        if (parts.length != 4) return null;
        try {
            double[] box = new double[4];
            for (int i = 0; i < 4; i++) box[i] = Double.parseDouble(parts[i].trim());
            if (box[0] > box[2] || box[1] > box[3] || Math.abs(box[0]) > 90 || Math.abs(box[2]) > 90
                    || Math.abs(box[1]) > 180 || Math.abs(box[3]) > 180) return null;
            return box;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Widens the box to whole tiles of the zoom level, as the map page asks: every cell in it is then
     * whole (its count does not depend on where the screen's edge fell) and small pans give the same answer.
     */
    static double[] wholeTiles(double[] box, double tile) {
        return new double[] {Math.max(-90, Math.floor(box[0] / tile) * tile), Math.max(-180, Math.floor(box[1] / tile) * tile),
                Math.min(90, Math.ceil(box[2] / tile) * tile), Math.min(180, Math.ceil(box[3] / tile) * tile)};
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** Query parameters of the public list and map (Indonesian names: they appear in shared links). */
    public static class PublicFilter {
        private String kategori;
        private String status;
        private String kelurahan;
        private String dari;
        private String sampai;
        private String q;

        Reports.Filter toFilter(BalaiProperties properties) {
            Long categoryId = null;
            if (kategori != null && !kategori.isBlank()) {
                try {
                    categoryId = Long.parseLong(kategori);
                } catch (NumberFormatException e) {
                    categoryId = -1L;
                }
            }
            ReportStatus st = null;
            if (status != null && !status.isBlank()) {
                try {
                    st = ReportStatus.valueOf(status);
                } catch (IllegalArgumentException e) {
                    st = null;
                }
            }
            return new Reports.Filter(categoryId, st, blankToNull(kelurahan), null, day(dari, properties, 0),
                    day(sampai, properties, 1), null, blankToNull(q));
        }

        /** Whether any filter is set (the filter panel then starts open). */
        public boolean isActive() {
            return java.util.stream.Stream.of(kategori, status, kelurahan, dari, sampai, q).anyMatch(v -> v != null && !v.isBlank());
        }

        private static Instant day(String value, BalaiProperties properties, int plusDays) {
            if (value == null || value.isBlank()) return null;
            try {
                return LocalDate.parse(value.trim()).plusDays(plusDays).atStartOfDay(properties.timeZone()).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }

        public String getKategori() { return kategori; }
        public void setKategori(String v) { kategori = v; }
        public String getStatus() { return status; }
        public void setStatus(String v) { status = v; }
        public String getKelurahan() { return kelurahan; }
        public void setKelurahan(String v) { kelurahan = v; }
        public String getDari() { return dari; }
        public void setDari(String v) { dari = v; }
        public String getSampai() { return sampai; }
        public void setSampai(String v) { sampai = v; }
        public String getQ() { return q; }
        public void setQ(String v) { q = v; }
    }
}
