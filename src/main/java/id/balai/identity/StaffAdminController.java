package id.balai.identity;

import id.balai.platform.FieldProblem;
import id.balai.organisation.Agency;
import id.balai.organisation.Region;
import id.balai.organisation.Regions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
 * {@code /admin/staf}: the city admin manages staff accounts. A refused form comes back with HTTP 422,
 * everything typed kept except the password; an edit of an account somebody else changed meanwhile comes
 * back with HTTP 409, what was typed kept beside what is stored now. {@link StaffAccounts} checks the values and logs changes.
 */
@Controller
class StaffAdminController {

    private static final String BASE = "/admin/staf";

    private final StaffAccounts accounts;
    private final Regions regions;

    StaffAdminController(StaffAccounts accounts, Regions regions) {
        this.accounts = accounts;
        this.regions = regions;
    }

    @GetMapping(BASE)
    String list(@RequestParam(name = "peran", required = false) String role, @RequestParam(name = "opd", required = false) String agency,
            Model model) {
        StaffRole roleFilter = parseRole(role);
        Long agencyFilter = parseId(agency);
        model.addAttribute("accounts", accounts.list(roleFilter, agencyFilter));
        model.addAttribute("roleFilter", roleFilter == null ? "" : roleFilter.name());
        model.addAttribute("agencyFilter", agencyFilter == null ? "" : String.valueOf(agencyFilter));
        return withChoices(model, "admin/staff-list");
    }

    @GetMapping(BASE + "/baru")
    String newAccount(Model model) {
        return page(model, null, new StaffForm(), List.of());
    }

    @PostMapping(BASE)
    String create(@AuthenticationPrincipal StaffPrincipal admin, StaffForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        List<FieldProblem> problems = new ArrayList<>();
        StaffAccounts.Profile profile = form.toProfile(problems);
        if (problems.isEmpty()) {
            try {
                StaffPrincipal created = accounts.create(admin, form.getUsername(), profile, form.password());
                redirect.addFlashAttribute("flash", "flash.staff.created");
                return "redirect:" + BASE + "/" + created.id();
            } catch (StaffAccounts.Refused e) {
                problems.addAll(e.problems());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(model, null, form, problems);
    }

    @GetMapping(BASE + "/{id}")
    String edit(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable long id, Model model) {
        StaffAccounts.Editable editable = editable(id);
        return page(model, editable.account(), StaffForm.of(editable), List.of());
    }

    @PostMapping(BASE + "/{id}")
    String update(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable long id, StaffForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        StaffPrincipal account = account(id);
        form.setUsername(account.username());
        List<FieldProblem> problems = new ArrayList<>();
        StaffAccounts.Profile profile = form.toProfile(problems);
        Integer version = form.version(problems);
        if (problems.isEmpty()) {
            try {
                accounts.update(admin, id, version, profile);
                redirect.addFlashAttribute("flash", "flash.staff.saved");
                return "redirect:" + BASE + "/" + id;
            } catch (StaffAccounts.Refused e) {
                problems.addAll(e.problems());
            } catch (StaffAccounts.Conflict e) {
                // Keep what this admin typed, show what is stored now, and let a second save overwrite it knowingly.
                StaffAccounts.Editable current = editable(id);
                form.setVersion(String.valueOf(current.version()));
                model.addAttribute("conflict", current.account());
                response.setStatus(HttpStatus.CONFLICT.value());
                return page(model, current.account(), form, List.of(new FieldProblem("form", "error.staff.conflict")));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(model, account, form, problems);
    }

    @PostMapping(BASE + "/{id}/nonaktifkan")
    String deactivate(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable long id, RedirectAttributes redirect) {
        return setEnabled(admin, id, false, redirect);
    }

    @PostMapping(BASE + "/{id}/aktifkan")
    String reactivate(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable long id, RedirectAttributes redirect) {
        return setEnabled(admin, id, true, redirect);
    }

    @PostMapping(BASE + "/{id}/sandi")
    String resetPassword(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable long id,
            @RequestParam(defaultValue = "") String password, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffPrincipal account = account(id);
        try {
            accounts.resetPassword(admin, id, password);
            // their own new password: this session goes on, their other sessions end
            if (id == admin.id()) StaffSessionCheck.keepSignedIn(request, response, account(id));
            redirect.addFlashAttribute("flash", "flash.staff.password");
            return "redirect:" + BASE + "/" + id;
        } catch (StaffAccounts.Refused e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("passwordProblems", e.problems());
            return page(model, account, StaffForm.of(editable(id)), List.of());
        }
    }

    private String setEnabled(StaffPrincipal admin, long id, boolean enabled, RedirectAttributes redirect) {
        account(id);
        try {
            accounts.setEnabled(admin, id, enabled);
            redirect.addFlashAttribute("flash", enabled ? "flash.staff.reactivated" : "flash.staff.deactivated");
        } catch (StaffAccounts.Refused e) {
            redirect.addFlashAttribute("flashError", e.problems().get(0).messageKey());
        }
        return "redirect:" + BASE + "/" + id;
    }

    @ExceptionHandler(StaffAccounts.UnknownAccount.class)
    ModelAndView unknown() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", HttpStatus.NOT_FOUND.value());
        return page;
    }

    private StaffPrincipal account(long id) {
        return accounts.byId(id).orElseThrow(StaffAccounts.UnknownAccount::new);
    }

    private StaffAccounts.Editable editable(long id) {
        return accounts.forEdit(id).orElseThrow(StaffAccounts.UnknownAccount::new);
    }

    private String page(Model model, StaffPrincipal account, StaffForm form, List<FieldProblem> problems) {
        model.addAttribute("account", account);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        if (!model.containsAttribute("conflict")) model.addAttribute("conflict", null);
        if (!model.containsAttribute("passwordProblems")) model.addAttribute("passwordProblems", List.of());
        model.addAttribute("minPassword", StaffAccounts.MIN_PASSWORD);
        return withChoices(model, "admin/staff");
    }

    private String withChoices(Model model, String view) {
        List<Agency> agencies = regions.agencies();
        List<Region> kelurahans = regions.kelurahans();
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("agencies", agencies);
        model.addAttribute("kelurahans", kelurahans);
        model.addAttribute("agencyNames", agencies.stream().collect(Collectors.toMap(Agency::id, Agency::shortName)));
        Map<String, String> kelurahanNames = kelurahans.stream().collect(Collectors.toMap(Region::code, Region::name, (a, b) -> a));
        model.addAttribute("kelurahanNames", kelurahanNames);
        return view;
    }

    private static StaffRole parseRole(String role) {
        try {
            return role == null || role.isBlank() ? null : StaffRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long parseId(String id) {
        try {
            return id == null || id.isBlank() ? null : Long.valueOf(id.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
