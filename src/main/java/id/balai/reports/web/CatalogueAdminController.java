package id.balai.reports.web;

import id.balai.platform.FieldProblem;
import id.balai.identity.StaffPrincipal;
import id.balai.organisation.Regions;
import id.balai.reports.CatalogueAdmin;
import id.balai.reports.CatalogueAdmin.CategorySettings;
import id.balai.reports.CatalogueAdmin.NewQuestion;
import id.balai.reports.CatalogueAdmin.QuestionKind;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/kategori}: the city admin keeps the catalogue — categories, their extra questions and
 * their routing rules per kelurahan. The citizen form and routing see every change at once. Values are
 * checked by {@link CatalogueAdmin}; a refused form comes back with HTTP 422, everything typed kept; an
 * edit of a category or question somebody else changed meanwhile comes back with HTTP 409, what was typed
 * kept beside what is stored now.
 * Changes are logged with the category code and the admin's account id, nothing personal.
 */
@Controller
class CatalogueAdminController {

    private static final Logger log = LoggerFactory.getLogger(CatalogueAdminController.class);
    private static final String BASE = "/admin/kategori";

    private final CatalogueAdmin catalogue;
    private final Regions regions;

    CatalogueAdminController(CatalogueAdmin catalogue, Regions regions) {
        this.catalogue = catalogue;
        this.regions = regions;
    }

    // --- categories ----------------------------------------------------------------------------

    @GetMapping(BASE)
    String list(Model model) {
        model.addAttribute("categories", catalogue.categories());
        return "admin/categories";
    }

    @GetMapping(BASE + "/baru")
    String newCategory(Model model) {
        return categoryPage(model, null, CategoryForm.blank(), List.of());
    }

    @PostMapping(BASE)
    String create(@AuthenticationPrincipal StaffPrincipal admin, CategoryForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        List<FieldProblem> problems = new ArrayList<>();
        var values = form.toNewCategory(problems);
        // a number that is not one is a problem already; name the others too, not only after it is fixed
        if (!problems.isEmpty()) FieldProblem.addNew(problems, catalogue.checkNewCategory(values));
        if (problems.isEmpty()) {
            try {
                long id = catalogue.createCategory(values);
                log.info("catalogue: category {} created by staff #{}", values.code(), admin.id());
                redirect.addFlashAttribute("flash", "flash.category.created");
                return "redirect:" + BASE + "/" + id;
            } catch (CatalogueAdmin.Rejected e) {
                problems.addAll(e.problems());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return categoryPage(model, null, form, problems);
    }

    @GetMapping(BASE + "/{id}")
    String edit(@PathVariable long id, Model model) {
        CategorySettings category = settings(id);
        return categoryPage(model, category, CategoryForm.of(category), List.of());
    }

    @PostMapping(BASE + "/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable long id, CategoryForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        CategorySettings category = settings(id);
        List<FieldProblem> problems = new ArrayList<>();
        var change = form.toChange(problems);
        Integer version = CategoryForm.number(form.getVersion(), "form", "error.category.version", problems);
        if (!problems.isEmpty()) FieldProblem.addNew(problems, catalogue.checkCategoryChange(id, change));
        if (problems.isEmpty()) {
            try {
                catalogue.updateCategory(id, version, change);
                log.info("catalogue: category {} changed by staff #{} (active: {})", category.code(), admin.id(), change.active());
                redirect.addFlashAttribute("flash", "flash.category.saved");
                return "redirect:" + BASE + "/" + id;
            } catch (CatalogueAdmin.Rejected e) {
                problems.addAll(e.problems());
            } catch (CatalogueAdmin.Conflict e) {
                // Keep what this admin typed, show what is stored now, and let a second save overwrite it knowingly.
                CategorySettings current = settings(id);
                form.setVersion(String.valueOf(current.version()));
                model.addAttribute("conflict", current);
                response.setStatus(HttpStatus.CONFLICT.value());
                return categoryPage(model, current, form, List.of(new FieldProblem("form", "error.category.conflict")));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return categoryPage(model, category, form, problems);
    }

    @PostMapping(BASE + "/{id}/hapus")
    String delete(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable long id, RedirectAttributes redirect) {
        CategorySettings category = settings(id);
        try {
            catalogue.deleteCategory(id);
        } catch (CatalogueAdmin.Rejected e) {
            redirect.addFlashAttribute("flashError", "error.category.in-use");
            return "redirect:" + BASE + "/" + id;
        }
        log.info("catalogue: category {} deleted by staff #{}", category.code(), admin.id());
        redirect.addFlashAttribute("flash", "flash.category.deleted");
        return "redirect:" + BASE;
    }

    private String categoryPage(Model model, CategorySettings category, CategoryForm form, List<FieldProblem> problems) {
        model.addAttribute("category", category);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("agencies", regions.agencies());
        model.addAttribute("kelurahans", regions.kelurahans());
        model.addAttribute("icons", icons(form.getIcon()));
        if (!model.containsAttribute("routing")) model.addAttribute("routing", new RoutingForm());
        if (!model.containsAttribute("routingProblems")) model.addAttribute("routingProblems", List.of());
        return "admin/category";
    }

    /** The icons the pages can draw, plus a stored one they cannot (so editing never loses it). */
    private static List<String> icons(String current) {
        List<String> icons = new ArrayList<>(ReportViewSupport.ICONS);
        if (current != null && !current.isBlank() && !icons.contains(current)) icons.add(current);
        return icons;
    }

    // --- questions -----------------------------------------------------------------------------

    @GetMapping(BASE + "/{id}/pertanyaan/baru")
    String newQuestion(@PathVariable long id, Model model) {
        CategorySettings category = settings(id);
        QuestionForm form = new QuestionForm();
        form.setSortOrder(String.valueOf(category.questions().stream().mapToInt(NewQuestion::sortOrder).max().orElse(0) + 10));
        return questionPage(model, category, null, form, List.of());
    }

    @PostMapping(BASE + "/{id}/pertanyaan")
    String addQuestion(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable long id, QuestionForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        CategorySettings category = settings(id);
        return saveQuestion(model, response, category, null, form, new ArrayList<>(), question -> catalogue.addQuestion(id, question), () -> {
            log.info("catalogue: question {} added to category {} by staff #{}", form.getCode(), category.code(), admin.id());
            redirect.addFlashAttribute("flash", "flash.question.added");
            return "redirect:" + BASE + "/" + id;
        });
    }

    @GetMapping(BASE + "/{id}/pertanyaan/{code}")
    String editQuestion(@PathVariable long id, @PathVariable String code, Model model) {
        CategorySettings category = settings(id);
        NewQuestion question = category.question(code).orElseThrow(WebErrors::notFound);
        return questionPage(model, category, question, QuestionForm.of(question), List.of());
    }

    @PostMapping(BASE + "/{id}/pertanyaan/{code}")
    String updateQuestion(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable long id, @PathVariable String code,
            QuestionForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CategorySettings category = settings(id);
        NewQuestion existing = category.question(code).orElseThrow(WebErrors::notFound);
        form.setCode(existing.code());
        List<FieldProblem> problems = new ArrayList<>();
        Integer version = CategoryForm.number(form.getVersion(), "form", "error.category.version", problems);
        try {
            return saveQuestion(model, response, category, existing, form, problems, question -> catalogue.updateQuestion(id, version, question),
                    () -> {
                        log.info("catalogue: question {} of category {} changed by staff #{}", code, category.code(), admin.id());
                        redirect.addFlashAttribute("flash", "flash.question.saved");
                        return "redirect:" + BASE + "/" + id;
                    });
        } catch (CatalogueAdmin.Conflict e) {
            // Keep what this admin typed, show what is stored now, and let a second save overwrite it knowingly.
            CategorySettings current = settings(id);
            NewQuestion stored = current.question(code).orElseThrow(WebErrors::notFound);
            form.setVersion(String.valueOf(stored.version()));
            model.addAttribute("conflict", stored);
            response.setStatus(HttpStatus.CONFLICT.value());
            return questionPage(model, current, stored, form, List.of(new FieldProblem("form", "error.question.conflict")));
        }
    }

    @PostMapping(BASE + "/{id}/pertanyaan/{code}/hapus")
    String removeQuestion(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable long id, @PathVariable String code,
            RedirectAttributes redirect) {
        CategorySettings category = settings(id);
        catalogue.removeQuestion(id, code);
        log.info("catalogue: question {} removed from category {} by staff #{}", code, category.code(), admin.id());
        redirect.addFlashAttribute("flash", "flash.question.removed");
        return "redirect:" + BASE + "/" + id;
    }

    private String saveQuestion(Model model, HttpServletResponse response, CategorySettings category, NewQuestion existing,
            QuestionForm form, List<FieldProblem> problems, java.util.function.Consumer<NewQuestion> save, Supplier<String> done) {
        NewQuestion question = form.toQuestion(problems);
        if (problems.isEmpty()) {
            try {
                save.accept(question);
                return done.get();
            } catch (CatalogueAdmin.Rejected e) {
                problems.addAll(e.problems());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return questionPage(model, category, existing, form, problems);
    }

    private String questionPage(Model model, CategorySettings category, NewQuestion existing, QuestionForm form, List<FieldProblem> problems) {
        model.addAttribute("category", category);
        model.addAttribute("question", existing);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("kinds", QuestionKind.values());
        if (!model.containsAttribute("conflict")) model.addAttribute("conflict", null);
        return "admin/question";
    }

    // --- routing rules -------------------------------------------------------------------------

    @PostMapping(BASE + "/{id}/rute")
    String addRule(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable long id, RoutingForm routing, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        CategorySettings category = settings(id);
        List<FieldProblem> problems = new ArrayList<>();
        Integer agency = CategoryForm.number(routing.getAgencyId(), "agencyId", "error.routing.agency", problems);
        if (problems.isEmpty()) {
            try {
                catalogue.addRoutingRule(id, routing.getKelurahanCode(), agency);
                log.info("catalogue: routing rule {} → agency #{} added to category {} by staff #{}", routing.getKelurahanCode(), agency,
                        category.code(), admin.id());
                redirect.addFlashAttribute("flash", "flash.routing.added");
                return "redirect:" + BASE + "/" + id;
            } catch (CatalogueAdmin.Rejected e) {
                problems.addAll(e.problems());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("routing", routing);
        model.addAttribute("routingProblems", problems);
        return categoryPage(model, category, CategoryForm.of(category), List.of());
    }

    @PostMapping(BASE + "/{id}/rute/hapus")
    String removeRule(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable long id,
            @RequestParam(defaultValue = "") String kelurahanCode, RedirectAttributes redirect) {
        CategorySettings category = settings(id);
        catalogue.removeRoutingRule(id, kelurahanCode);
        log.info("catalogue: routing rule {} removed from category {} by staff #{}", kelurahanCode, category.code(), admin.id());
        redirect.addFlashAttribute("flash", "flash.routing.removed");
        return "redirect:" + BASE + "/" + id;
    }

    // --- shared --------------------------------------------------------------------------------

    @ExceptionHandler(CatalogueAdmin.NotFound.class)
    ModelAndView unknown() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", HttpStatus.NOT_FOUND.value());
        return page;
    }

    private CategorySettings settings(long id) {
        return catalogue.category(id).orElseThrow(WebErrors::notFound);
    }

    /** Choices typed one per line; blank lines ignored. */
    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
