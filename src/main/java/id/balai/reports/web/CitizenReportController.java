package id.balai.reports.web;

import id.balai.platform.FieldProblem;
import id.balai.organisation.Regions;
import id.balai.platform.storage.FileStorage;
import id.balai.reports.domain.Categories;
import id.balai.reports.domain.Category;
import id.balai.reports.domain.CitizenActions;
import id.balai.platform.images.PhotoProcessor;
import id.balai.reports.domain.PhotoStaging;
import id.balai.reports.domain.Report;
import id.balai.reports.domain.ReportSubmission;
import id.balai.reports.domain.Reports;
import id.balai.reports.domain.SubmissionForm;
import id.balai.reports.domain.TrackingCode;
import id.balai.reports.domain.WorkflowException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The citizen's side: the report form (works without JavaScript), the tracking pages, and what the
 * reporter can do with their private link (confirm, reopen, rate).
 */
@Controller
class CitizenReportController {

    static final String SUPPORTER_COOKIE = "balai_pendukung";
    private static final double NEARBY_METRES = 150;

    private final ReportSubmission submission;
    private final PhotoStaging staging;
    private final Categories categories;
    private final Regions regions;
    private final Reports reports;
    private final CitizenActions citizen;
    private final FileStorage storage;

    CitizenReportController(ReportSubmission submission, PhotoStaging staging, Categories categories, Regions regions,
            Reports reports, CitizenActions citizen, FileStorage storage) {
        this.submission = submission;
        this.staging = staging;
        this.categories = categories;
        this.regions = regions;
        this.reports = reports;
        this.citizen = citizen;
        this.storage = storage;
    }

    // --- the form -----------------------------------------------------------------------------

    @GetMapping("/laporan/baru")
    String form(@RequestParam(name = "kategori", required = false) String categoryCode, Model model, HttpServletResponse response) {
        SubmissionForm form = new SubmissionForm();
        form.setSubmissionKey(ReportSubmission.newSubmissionKey());
        if (categoryCode != null) categories.byCode(categoryCode).ifPresent(c -> form.setCategoryId(c.id()));
        WebErrors.noStore(response);
        return showForm(form, List.of(), model);
    }

    /** The form's own submission keys: {@link ReportSubmission#newSubmissionKey()}. */
    private static final java.util.regex.Pattern WEB_KEY = java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @PostMapping("/laporan/baru")
    ModelAndView submit(@ModelAttribute("form") SubmissionForm form, BindingResult binding,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @RequestParam(name = "removePhoto", required = false) List<Long> removePhotos,
            @RequestParam(name = "confirmNew", defaultValue = "false") boolean confirmNew,
            Model model, HttpServletResponse response) throws IOException {
        WebErrors.noStore(response);
        form.setChannel("WEB"); // the form's fields are bound from the request: the channel is not the citizen's to choose
        // only keys the form itself made (random UUIDs): a key another channel derived from what a partner
        // sent must never lead a browser to that report's private page
        if (form.getSubmissionKey() == null || !WEB_KEY.matcher(form.getSubmissionKey()).matches()) {
            form.setSubmissionKey(ReportSubmission.newSubmissionKey());
        }
        // A retry of an already saved submission goes straight to its page, whatever else it carries.
        Optional<Report> earlier = reports.bySubmissionKey(form.getSubmissionKey());
        if (earlier.isPresent()) return redirectToCitizenPage(earlier.get());

        List<FieldProblem> problems = new ArrayList<>(bindingProblems(binding, form));
        if (removePhotos != null) removePhotos.forEach(id -> staging.remove(form.getSubmissionKey(), id));
        if (photos != null) {
            for (MultipartFile photo : photos) {
                if (photo == null || photo.isEmpty()) continue;
                try {
                    staging.stage(form.getSubmissionKey(), photo.getBytes());
                } catch (PhotoProcessor.RejectedPhoto e) {
                    problems.add(new FieldProblem("photos", e.messageKey()));
                }
            }
        }
        if (!problems.isEmpty()) {
            FieldProblem.addNew(problems, submission.validate(form));
            return new ModelAndView(showForm(form, problems, model, response));
        }

        // No point given but a photo knows where it was taken: offer that location and let the citizen check it.
        if (form.getLat() == null && blank(form.getKelurahanCode())) {
            Optional<PhotoStaging.StagedPhoto> withGps = staging.staged(form.getSubmissionKey()).stream()
                    .filter(p -> p.gpsLat() != null).findFirst();
            if (withGps.isPresent()) {
                form.setLat(withGps.get().gpsLat());
                form.setLon(withGps.get().gpsLon());
                model.addAttribute("gpsFromPhoto", true);
                return new ModelAndView(showForm(form, List.of(), model));
            }
        }

        // Before filing, show open reports of the same kind nearby: supporting one beats a duplicate.
        if (!confirmNew && form.getCategoryId() != null && form.getLat() != null && form.getLon() != null) {
            try {
                List<Reports.Summary> nearby = reports.openNearby(form.getCategoryId(), form.getLat(), form.getLon(), NEARBY_METRES, 5);
                if (!nearby.isEmpty()) {
                    model.addAttribute("nearby", nearby);
                    return new ModelAndView(showForm(form, List.of(), model));
                }
            } catch (IllegalArgumentException ignored) {
                // bad coordinates: validation below explains them
            }
        }

        ReportSubmission.Outcome outcome = submission.submit(form);
        if (outcome instanceof ReportSubmission.Invalid invalid) {
            FieldProblem.addNew(problems, invalid.problems());
            return new ModelAndView(showForm(form, problems, model, response));
        }
        return redirectToCitizenPage(((ReportSubmission.Saved) outcome).report());
    }

    /**
     * Values that are not even of the right type (letters for a coordinate, a forged category) become
     * form problems, not an error page: the citizen keeps everything else they typed.
     */
    private static List<FieldProblem> bindingProblems(BindingResult binding, SubmissionForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : binding.getFieldErrors()) {
            switch (error.getField()) {
                case "lat", "lon" -> {
                    form.setLat(null);
                    form.setLon(null);
                    if (problems.stream().noneMatch(p -> p.field().equals("location"))) problems.add(new FieldProblem("location", "error.location.invalid"));
                }
                case "categoryId" -> problems.add(new FieldProblem("categoryId", "error.category.required"));
                default -> problems.add(new FieldProblem("form", "error.form.invalid"));
            }
        }
        return problems;
    }

    /**
     * The "similar reports nearby" hint as an HTML fragment, fetched by the form's script as soon as a
     * category and a point are chosen. Without JavaScript the same list appears when the form is sent.
     */
    @GetMapping("/laporan/sekitar")
    String nearby(@RequestParam(required = false) Long categoryId, @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lon, Model model) {
        List<Reports.Summary> nearby = List.of();
        if (categoryId != null && lat != null && lon != null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
            nearby = reports.openNearby(categoryId, lat, lon, NEARBY_METRES, 5);
        }
        model.addAttribute("nearby", nearby);
        return "reports/form :: nearbyList";
    }

    /** Thumbnails of photos already uploaded with this (not yet sent) form. */
    @GetMapping("/laporan/baru/foto/{submissionKey}/{id}")
    ResponseEntity<InputStreamResource> stagedPhoto(@PathVariable String submissionKey, @PathVariable long id) throws IOException {
        // only the web form's own keys (random UUIDs): a channel's key may be derived from what a partner sent
        if (!WEB_KEY.matcher(submissionKey).matches()) throw WebErrors.notFound();
        PhotoStaging.StagedPhoto photo = staging.stagedByThumb(submissionKey, id).orElseThrow(WebErrors::notFound);
        return image(storage.open(photo.thumbKey()), CacheControl.noStore());
    }

    private String showForm(SubmissionForm form, List<FieldProblem> problems, Model model, HttpServletResponse response) {
        response.setStatus(422);
        return showForm(form, problems, model);
    }

    private String showForm(SubmissionForm form, List<FieldProblem> problems, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("categories", categories.all());
        model.addAttribute("kelurahans", regions.kelurahans());
        model.addAttribute("staged", staging.staged(form.getSubmissionKey()));
        model.addAttribute("maxPhotos", PhotoStaging.MAX_PHOTOS);
        model.addAttribute("centre", regions.centre());
        Category selected = form.getCategoryId() == null ? null : categories.byId(form.getCategoryId()).orElse(null);
        model.addAttribute("selectedCategory", selected);
        return "reports/form";
    }

    /**
     * A view object, not a "redirect:" name: every report's address is new, so resolving the name would
     * build and initialise a view bean and fill the view cache on each submission.
     */
    private static ModelAndView redirectToCitizenPage(Report report) {
        return new ModelAndView(new RedirectView("/laporan/" + report.trackingCode() + "/w/" + report.citizenToken() + "?baru", true));
    }

    // --- tracking -----------------------------------------------------------------------------

    @GetMapping("/laporan/cari")
    String find(@RequestParam(name = "kode", required = false) String code, RedirectAttributes redirect) {
        Optional<String> normalised = TrackingCode.normalise(code);
        if (normalised.isPresent() && reports.byTrackingCode(normalised.get()).isPresent()) {
            return "redirect:/laporan/" + normalised.get();
        }
        redirect.addFlashAttribute("flashError", "error.report.not-found");
        return "redirect:/";
    }

    /** The public page of a report: full content only when public; otherwise its status alone. */
    @GetMapping("/laporan/{code:[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}}")
    String publicPage(@PathVariable String code, Model model) {
        Report report = TrackingCode.normalise(code).flatMap(reports::byTrackingCode).orElseThrow(WebErrors::notFound);
        if (!report.trackingCode().equals(code)) return "redirect:/laporan/" + report.trackingCode();
        return reportPage(report, false, model);
    }

    /** The reporter's private page: everything they sent, and the confirm / reopen / rate actions. */
    @GetMapping("/laporan/{code}/w/{token}")
    String citizenPage(@PathVariable String code, @PathVariable String token,
            @RequestParam(name = "baru", required = false) String justSubmitted, Model model, HttpServletResponse response) {
        Report report = citizen.withToken(code, token).orElseThrow(WebErrors::notFound);
        WebErrors.noStore(response);
        model.addAttribute("justSubmitted", justSubmitted != null);
        model.addAttribute("token", token);
        return reportPage(report, true, model);
    }

    @PostMapping("/laporan/{code}/w/{token}/konfirmasi")
    String confirm(@PathVariable String code, @PathVariable String token, RedirectAttributes redirect) {
        return citizenAction(code, token, redirect, "flash.confirmed", () -> citizen.confirm(code, token));
    }

    @PostMapping("/laporan/{code}/w/{token}/buka-kembali")
    String reopen(@PathVariable String code, @PathVariable String token, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return citizenAction(code, token, redirect, "flash.reopened", () -> citizen.reopen(code, token, reason));
    }

    @PostMapping("/laporan/{code}/w/{token}/nilai")
    String rate(@PathVariable String code, @PathVariable String token, @RequestParam(defaultValue = "0") String stars,
            @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        int value;
        try {
            value = Integer.parseInt(stars.trim());
        } catch (NumberFormatException e) {
            value = 0;
        }
        int chosen = value;
        return citizenAction(code, token, redirect, "flash.rated", () -> citizen.rate(code, token, chosen, comment));
    }

    /** "Saya juga": one browser counts once (a random cookie, no personal data). */
    @PostMapping("/laporan/{code}/dukung")
    String support(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        String key = supporterKey(request, response);
        try {
            boolean counted = citizen.support(code, key);
            redirect.addFlashAttribute("flash", counted ? "flash.supported" : "flash.already-supported");
        } catch (WorkflowException e) {
            if (WebErrors.isUnknownReport(e)) throw WebErrors.notFound();
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/laporan/" + TrackingCode.normalise(code).orElse(code);
    }

    private String citizenAction(String code, String token, RedirectAttributes redirect, String success, Runnable action) {
        if (citizen.withToken(code, token).isEmpty()) throw WebErrors.notFound();
        try {
            action.run();
            redirect.addFlashAttribute("flash", success);
        } catch (WorkflowException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/laporan/" + TrackingCode.normalise(code).orElse(code) + "/w/" + token;
    }

    private String reportPage(Report report, boolean owner, Model model) {
        boolean showContent = owner || report.isPublic();
        model.addAttribute("report", report);
        model.addAttribute("owner", owner);
        model.addAttribute("showContent", showContent);
        model.addAttribute("timeline", reports.timeline(report.id()).stream().filter(e -> e.publicNote()).toList());
        model.addAttribute("photos", showContent
                ? reports.photos(report.id()).stream().filter(p -> !p.hidden()).toList() : List.of());
        if (owner) {
            model.addAttribute("reporter", reports.reporter(report.id()).orElse(null));
            model.addAttribute("answers", reports.answers(report.id()));
        }
        model.addAttribute("category", categories.byId(report.categoryId()).orElseThrow());
        return "reports/report";
    }

    private static String supporterKey(HttpServletRequest request, HttpServletResponse response) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (SUPPORTER_COOKIE.equals(c.getName()) && c.getValue().matches("[0-9a-f-]{36}")) return c.getValue();
            }
        }
        String key = UUID.randomUUID().toString();
        Cookie cookie = new Cookie(SUPPORTER_COOKIE, key);
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365 * 2);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return key;
    }

    static ResponseEntity<InputStreamResource> image(InputStream in, CacheControl cache) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff").body(new InputStreamResource(in));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
