package id.balai.opendata;

import id.balai.organisation.Agency;
import id.balai.organisation.Regions;
import id.balai.platform.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/data}: the city admin publishes datasets and their files (the path is under the admin's own security rule). */
@Controller
class DatasetAdminController {

    static final String PAGE = "/admin/data";

    private final DatasetAdmin admin;
    private final Datasets datasets;
    private final Regions regions;

    DatasetAdminController(DatasetAdmin admin, Datasets datasets, Regions regions) {
        this.admin = admin;
        this.datasets = datasets;
        this.regions = regions;
    }

    @GetMapping(PAGE)
    String list(Model model) {
        return page(model, Map.of("licenceId", "cc-by", "frequency", "tidak-tentu"), List.of());
    }

    @PostMapping(PAGE)
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        DatasetAdmin.NewDataset d = read(form, problems);
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return page(model, form, problems);
        }
        String slug = admin.create(d);
        redirect.addFlashAttribute("flash", "dataset.flash.created");
        return "redirect:" + PAGE + "/" + slug;
    }

    @GetMapping(PAGE + "/{slug}")
    String dataset(@PathVariable String slug, Model model) {
        return datasetPage(dataset(slug), model, List.of(), "");
    }

    /** Edits the metadata; a save on an older version is refused (409) with what was typed kept and what is stored shown. */
    @PostMapping(PAGE + "/{slug}/ubah")
    String update(@PathVariable String slug, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Datasets.Dataset current = dataset(slug);
        List<FieldProblem> problems = new java.util.ArrayList<>();
        DatasetAdmin.NewDataset d = read(form, problems);
        int expected;
        try {
            expected = Integer.parseInt(form.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        if (!problems.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("metaProblems", problems);
            model.addAttribute("form", new LinkedHashMap<>(form));
            return datasetPage(current, model, List.of(), "");
        }
        if (!admin.update(current, d, expected)) {
            response.setStatus(409);
            model.addAttribute("conflict", true);
            Map<String, String> typed = new LinkedHashMap<>(form);
            typed.put("version", String.valueOf(current.version()));
            model.addAttribute("form", typed);
            return datasetPage(current, model, List.of(), "");
        }
        redirect.addFlashAttribute("flash", "dataset.flash.changed");
        return "redirect:" + PAGE + "/" + slug;
    }

    private DatasetAdmin.NewDataset read(Map<String, String> form, List<FieldProblem> problems) {
        Long agency = null;
        String agencyValue = form.getOrDefault("agencyId", "").strip();
        if (!agencyValue.isEmpty()) {
            try {
                agency = Long.parseLong(agencyValue);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("agencyId", "dataset.error.agency"));
            }
        }
        DatasetAdmin.NewDataset d = new DatasetAdmin.NewDataset(form.get("title"), form.get("description"), agency,
                form.getOrDefault("licenceId", ""), form.getOrDefault("frequency", ""), form.get("tags"), form.get("kodeWilayah"));
        problems.addAll(admin.problems(d, regions.agencies().stream().map(Agency::id).collect(Collectors.toSet())));
        return d;
    }

    @PostMapping(PAGE + "/{slug}/berkas")
    String upload(@PathVariable String slug, @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model, HttpServletResponse response,
            RedirectAttributes redirect) throws IOException {
        Datasets.Dataset d = dataset(slug);
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (name.isBlank() || name.strip().length() > 120) problems.add(new FieldProblem("name", "dataset.error.file-name"));
        Optional<String> format = Optional.empty();
        byte[] content = null;
        if (file == null || file.isEmpty()) {
            problems.add(new FieldProblem("file", "dataset.error.file-missing"));
        } else if (file.getSize() > DatasetAdmin.MAX_FILE_BYTES) {
            problems.add(new FieldProblem("file", "dataset.error.file-large"));
        } else {
            content = file.getBytes();
            format = DatasetAdmin.formatOf(content);
            if (format.isEmpty()) problems.add(new FieldProblem("file", "dataset.error.file-type"));
        }
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return datasetPage(d, model, problems, name);
        }
        admin.addFile(d, name, format.get(), content);
        redirect.addFlashAttribute("flash", "dataset.flash.file-added");
        return "redirect:" + PAGE + "/" + slug;
    }

    @PostMapping(PAGE + "/{slug}/berkas/{id}/hapus")
    String remove(@PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
        if (admin.removeFile(dataset(slug), id)) redirect.addFlashAttribute("flash", "dataset.flash.file-removed");
        else redirect.addFlashAttribute("flashError", "dataset.error.file-gone");
        return "redirect:" + PAGE + "/" + slug;
    }

    private Datasets.Dataset dataset(String slug) {
        return datasets.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String datasetPage(Datasets.Dataset d, Model model, List<FieldProblem> problems, String name) {
        model.addAttribute("dataset", d);
        if (!model.containsAttribute("form")) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("title", d.title());
            form.put("description", d.description());
            form.put("agencyId", d.agencyId() == null ? "" : String.valueOf(d.agencyId()));
            form.put("licenceId", d.licenceId());
            form.put("frequency", d.frequency());
            form.put("tags", String.join(", ", d.tags()));
            form.put("kodeWilayah", d.kodeWilayah() == null ? "" : d.kodeWilayah());
            form.put("version", String.valueOf(d.version()));
            model.addAttribute("form", form);
        }
        if (!model.containsAttribute("metaProblems")) model.addAttribute("metaProblems", List.of());
        choices(model);
        model.addAttribute("resources", admin.resources(d.id()));
        model.addAttribute("problems", problems);
        model.addAttribute("name", name);
        return "opendata/admin-dataset";
    }

    private String page(Model model, Map<String, String> form, List<FieldProblem> problems) {
        model.addAttribute("datasets", datasets.all());
        model.addAttribute("form", new LinkedHashMap<>(form));
        model.addAttribute("problems", problems);
        choices(model);
        return "opendata/admin";
    }

    private void choices(Model model) {
        model.addAttribute("agencies", regions.agencies());
        model.addAttribute("licences", DatasetAdmin.LICENCES.stream().sorted().map(l -> Map.of("id", l, "title", CkanApiController.licenceTitle(l))).toList());
        model.addAttribute("frequencies", DatasetAdmin.FREQUENCIES);
    }
}
