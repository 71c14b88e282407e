package id.balai.reports.web;

import id.balai.platform.FieldProblem;
import id.balai.identity.StaffPrincipal;
import id.balai.organisation.Regions;
import id.balai.reports.domain.ResponseTemplates;
import id.balai.reports.domain.ResponseTemplates.ResponseTemplate;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/templat}: the city admin keeps the reply texts staff pick from when they write a note,
 * for everybody or for one OPD. The staff report page offers every change at once. A refused form comes
 * back with HTTP 422, everything typed kept. Changes are logged with ids only, never the texts.
 */
@Controller
class ResponseTemplateAdminController {

    private static final Logger log = LoggerFactory.getLogger(ResponseTemplateAdminController.class);
    private static final String BASE = "/admin/templat";

    /** The templates of one OPD, or those for everybody when {@code agencyId} is null. */
    public record Group(Long agencyId, List<ResponseTemplate> templates) {}

    private final ResponseTemplates templates;
    private final Regions regions;

    ResponseTemplateAdminController(ResponseTemplates templates, Regions regions) {
        this.templates = templates;
        this.regions = regions;
    }

    @GetMapping(BASE)
    String list(Model model) {
        Map<Long, List<ResponseTemplate>> byAgency = new LinkedHashMap<>(); // shared ones first, as listed
        for (ResponseTemplate t : templates.all()) byAgency.computeIfAbsent(t.agencyId(), a -> new ArrayList<>()).add(t);
        model.addAttribute("groups", byAgency.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList());
        return "admin/templates";
    }

    @GetMapping(BASE + "/baru")
    String newTemplate(Model model) {
        return templatePage(model, null, new ResponseTemplateForm(), List.of());
    }

    @PostMapping(BASE)
    String create(@AuthenticationPrincipal StaffPrincipal admin, ResponseTemplateForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(model, response, null, form, values -> {
            long id = templates.add(values.agencyId(), values.title(), values.body());
            log.info("templates: template #{} (agency #{}) created by staff #{}", id, values.agencyId(), admin.id());
            redirect.addFlashAttribute("flash", "flash.template.created");
            return "redirect:" + BASE;
        });
    }

    @GetMapping(BASE + "/{id}")
    String edit(@PathVariable long id, Model model) {
        ResponseTemplate template = template(id);
        return templatePage(model, template, ResponseTemplateForm.of(template), List.of());
    }

    @PostMapping(BASE + "/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable long id, ResponseTemplateForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        ResponseTemplate template = template(id);
        return save(model, response, template, form, values -> {
            if (!templates.update(id, values.agencyId(), values.title(), values.body())) throw WebErrors.notFound();
            log.info("templates: template #{} (agency #{}) changed by staff #{}", id, values.agencyId(), admin.id());
            redirect.addFlashAttribute("flash", "flash.template.saved");
            return "redirect:" + BASE;
        });
    }

    @PostMapping(BASE + "/{id}/hapus")
    String delete(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable long id, RedirectAttributes redirect) {
        if (!templates.delete(id)) throw WebErrors.notFound();
        log.info("templates: template #{} deleted by staff #{}", id, admin.id());
        redirect.addFlashAttribute("flash", "flash.template.deleted");
        return "redirect:" + BASE;
    }

    private String save(Model model, HttpServletResponse response, ResponseTemplate existing, ResponseTemplateForm form,
            Function<ResponseTemplateForm.Values, String> store) {
        List<FieldProblem> problems = new ArrayList<>();
        ResponseTemplateForm.Values values = form.toValues(problems, agency -> regions.agency(agency).isPresent());
        if (problems.isEmpty()) return store.apply(values);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return templatePage(model, existing, form, problems);
    }

    private String templatePage(Model model, ResponseTemplate template, ResponseTemplateForm form, List<FieldProblem> problems) {
        model.addAttribute("template", template);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("agencies", regions.agencies());
        return "admin/template";
    }

    private ResponseTemplate template(long id) {
        return templates.byId(id).orElseThrow(WebErrors::notFound);
    }
}
