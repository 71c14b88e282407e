package id.balai.open311;

import id.balai.identity.StaffPrincipal;
import id.balai.platform.BalaiProperties;
import id.balai.platform.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/kunci-api}: the city admin gives partners their Open311 keys, sets each key's limit and
 * revokes keys. A new key is shown once, on the page that answers its creation (never stored in clear,
 * never redirected through a URL). {@link ApiKeys} records every change in the admin audit trail.
 */
@Controller
class ApiKeyAdminController {

    private final ApiKeys keys;
    private final BalaiProperties properties;

    ApiKeyAdminController(ApiKeys keys, BalaiProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @GetMapping("/admin/kunci-api")
    String list(Model model, HttpServletResponse response) {
        // right after creation the key is on this page, once (a flash attribute): never kept by a cache
        if (model.containsAttribute("created")) response.setHeader("Cache-Control", "no-store");
        return page(model, "", String.valueOf(ApiKeys.DEFAULT_PER_MINUTE), List.of());
    }

    @PostMapping("/admin/kunci-api")
    String create(@AuthenticationPrincipal StaffPrincipal admin, @RequestParam(defaultValue = "") String partner,
            @RequestParam(defaultValue = "") String perMinute, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = partner.strip();
        if (name.isEmpty() || name.length() > 120) problems.add(new FieldProblem("partner", "apikey.error.partner"));
        Integer limit = limit(perMinute);
        if (limit == null) problems.add(new FieldProblem("perMinute", "apikey.error.limit"));
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return page(model, partner, perMinute, problems);
        }
        ApiKeys.Created created = keys.create(name, limit, admin.id());
        // post, redirect, get: reloading the page shows the list and never creates a second key
        redirect.addFlashAttribute("created", created);
        redirect.addFlashAttribute("flash", "apikey.flash.created");
        return "redirect:/admin/kunci-api";
    }

    @PostMapping("/admin/kunci-api/{id}/batas")
    String changeLimit(@PathVariable long id, @RequestParam(defaultValue = "") String perMinute, RedirectAttributes redirect) {
        Integer limit = limit(perMinute);
        if (limit == null) {
            redirect.addFlashAttribute("flashError", "apikey.error.limit");
            return "redirect:/admin/kunci-api";
        }
        if (keys.changeLimit(id, limit)) redirect.addFlashAttribute("flash", "apikey.flash.limit");
        else redirect.addFlashAttribute("flashError", "apikey.error.inactive");
        return "redirect:/admin/kunci-api";
    }

    @PostMapping("/admin/kunci-api/{id}/cabut")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        if (keys.revoke(id)) redirect.addFlashAttribute("flash", "apikey.flash.revoked");
        else redirect.addFlashAttribute("flashError", "apikey.error.inactive");
        return "redirect:/admin/kunci-api";
    }

    private String page(Model model, String partner, String perMinute, List<FieldProblem> problems) {
        model.addAttribute("partners", keys.all());
        model.addAttribute("partner", partner);
        model.addAttribute("perMinute", perMinute);
        model.addAttribute("problems", problems);
        model.addAttribute("maxPerMinute", ApiKeys.MAX_PER_MINUTE);
        model.addAttribute("zone", properties.timeZone());
        return "admin/api-keys";
    }

    private static Integer limit(String value) {
        try {
            int n = Integer.parseInt(value.strip());
            return n >= 1 && n <= ApiKeys.MAX_PER_MINUTE ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
