package id.balai.open311.outbound;

import id.balai.platform.FieldProblem;
import id.balai.reports.ReportCatalogue;
import id.balai.reports.ReportLookup;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/open311-keluar} (city admin only, as all of {@code /admin/**}): the other Open311 systems
 * reports are forwarded to, which categories go where, and forwardings that gave up. An endpoint's key
 * is typed once and never shown again (only its first characters). Bad input comes back with 422 and
 * its messages, and nothing is stored.
 */
@Controller
class OutboundAdminController {

    static final String PAGE = "/admin/open311-keluar";

    private final OutboundSettings settings;
    private final Forwardings forwardings;
    private final ReportCatalogue catalogue;
    private final ReportLookup reports;
    private final Clock clock;
    private final Open311Client client;

    OutboundAdminController(OutboundSettings settings, Forwardings forwardings, ReportCatalogue catalogue, ReportLookup reports, Clock clock,
            Open311Client client) {
        this.client = client;
        this.settings = settings;
        this.forwardings = forwardings;
        this.catalogue = catalogue;
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        return page(model, Map.of("format", "xml"), Map.of(), List.of());
    }

    @PostMapping(PAGE + "/sistem")
    String addEndpoint(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = value(form, "name"), url = Endpoint.normaliseBaseUrl(value(form, "baseUrl")), key = value(form, "apiKey");
        String jurisdiction = value(form, "jurisdictionId"), format = value(form, "format");
        if (name.isEmpty() || name.length() > Endpoint.MAX_NAME) problems.add(new FieldProblem("name", "open311out.error.name"));
        else if (settings.nameTaken(name)) problems.add(new FieldProblem("name", "open311out.error.name-taken"));
        if (url == null) problems.add(new FieldProblem("baseUrl", "open311out.error.url"));
        else if (client.refusedHost(java.net.URI.create(url).getHost()).isPresent()) problems.add(new FieldProblem("baseUrl", "open311out.error.private"));
        if (!validKey(key)) problems.add(new FieldProblem("apiKey", "open311out.error.key"));
        if (jurisdiction.length() > 120) problems.add(new FieldProblem("jurisdictionId", "open311out.error.jurisdiction"));
        if (!format.equals("xml") && !format.equals("json")) problems.add(new FieldProblem("format", "open311out.error.format"));
        if (!problems.isEmpty()) {
            response.setStatus(422);
            Map<String, String> typed = new LinkedHashMap<>(form);
            typed.remove("apiKey"); // a secret is not sent back to the browser, even to the one who typed it
            return page(model, typed, Map.of(), problems);
        }
        settings.addEndpoint(name, url, key, jurisdiction.isEmpty() ? null : jurisdiction, format);
        model.addAttribute("flash", "open311out.flash.endpoint");
        return page(model, Map.of("format", "xml"), Map.of(), List.of());
    }

    @PostMapping(PAGE + "/sistem/{id}/kunci")
    String changeKey(@PathVariable long id, @RequestParam(defaultValue = "") String apiKey, RedirectAttributes redirect) {
        if (!validKey(apiKey.strip())) redirect.addFlashAttribute("flashError", "open311out.error.key");
        else if (settings.changeKey(id, apiKey.strip())) redirect.addFlashAttribute("flash", "open311out.flash.key");
        else redirect.addFlashAttribute("flashError", "open311out.error.endpoint");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/sistem/{id}/nonaktifkan")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        return active(id, false, redirect);
    }

    @PostMapping(PAGE + "/sistem/{id}/aktifkan")
    String activate(@PathVariable long id, RedirectAttributes redirect) {
        return active(id, true, redirect);
    }

    private String active(long id, boolean active, RedirectAttributes redirect) {
        if (settings.setActive(id, active)) redirect.addFlashAttribute("flash", active ? "open311out.flash.activated" : "open311out.flash.deactivated");
        else redirect.addFlashAttribute("flashError", "open311out.error.endpoint");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/kategori")
    String map(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        List<FieldProblem> problems = new ArrayList<>();
        String category = value(form, "categoryCode"), serviceCode = value(form, "serviceCode");
        if (catalogue.service(category).isEmpty()) problems.add(new FieldProblem("categoryCode", "open311out.error.category"));
        Long endpointId = endpointId(value(form, "endpointId"));
        if (endpointId == null) problems.add(new FieldProblem("endpointId", "open311out.error.endpoint"));
        if (!serviceCode.matches("[A-Za-z0-9_.:-]{1,120}")) problems.add(new FieldProblem("serviceCode", "open311out.error.service-code"));
        Map<String, String> attributes = Mapping.parse(value(form, "attributeMap"));
        if (attributes == null) problems.add(new FieldProblem("attributeMap", "open311out.error.attributes"));
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return page(model, Map.of("format", "xml"), form, problems);
        }
        settings.map(new Mapping(category, endpointId, serviceCode, attributes));
        model.addAttribute("flash", "open311out.flash.mapped");
        return page(model, Map.of("format", "xml"), Map.of(), List.of());
    }

    @PostMapping(PAGE + "/kategori/{code}/hapus")
    String unmap(@PathVariable String code, RedirectAttributes redirect) {
        if (settings.unmap(code)) redirect.addFlashAttribute("flash", "open311out.flash.unmapped");
        else redirect.addFlashAttribute("flashError", "open311out.error.category");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/laporan/{reportId}/kirim-ulang")
    String retry(@PathVariable long reportId, RedirectAttributes redirect) {
        if (forwardings.retry(reportId, clock.instant())) redirect.addFlashAttribute("flash", "open311out.flash.retried");
        else redirect.addFlashAttribute("flashError", "open311out.error.not-failed");
        return "redirect:" + PAGE;
    }

    /** A failed forwarding as the page lists it. */
    record Failed(long reportId, String trackingCode, String endpoint, int attempts, String lastError) {}

    private String page(Model model, Map<String, String> endpointForm, Map<String, String> mappingForm, List<FieldProblem> problems) {
        List<Endpoint> endpoints = settings.endpoints();
        Map<Long, String> names = new LinkedHashMap<>();
        endpoints.forEach(e -> names.put(e.id(), e.name()));
        model.addAttribute("endpoints", endpoints);
        model.addAttribute("endpointNames", names);
        model.addAttribute("mappings", settings.mappings());
        model.addAttribute("services", catalogue.services());
        model.addAttribute("failed", forwardings.failed(100).stream().map(f -> new Failed(f.reportId(),
                reports.content(f.reportId()).map(ReportLookup.ReportContent::trackingCode).orElse("#" + f.reportId()),
                names.getOrDefault(f.endpointId(), "?"), f.attempts(), f.lastError())).toList());
        model.addAttribute("endpointForm", endpointForm);
        model.addAttribute("mappingForm", mappingForm);
        model.addAttribute("problems", problems);
        return "admin/open311-outbound";
    }

    /** A key as another system gives it: printable, no spaces, not absurdly long. */
    private static boolean validKey(String key) {
        return key.matches("[\\x21-\\x7E]{1,300}");
    }

    private Long endpointId(String value) {
        try {
            long id = Long.parseLong(value);
            return settings.endpoint(id).isPresent() ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String value(Map<String, String> form, String name) {
        String v = form.get(name);
        return v == null ? "" : v.strip();
    }
}
