package id.balai.reports.web;

import id.balai.identity.StaffPrincipal;
import id.balai.organisation.Regions;
import id.balai.platform.storage.FileStorage;
import id.balai.reports.ExternalReferences;
import id.balai.reports.ReportStatus;
import id.balai.reports.domain.Categories;
import id.balai.platform.images.PhotoProcessor;
import id.balai.reports.domain.Report;
import id.balai.reports.domain.ReportPolicy;
import id.balai.reports.domain.ReportWorkflow;
import id.balai.reports.domain.ResponseTemplates;
import id.balai.reports.domain.Reports;
import id.balai.reports.domain.StaffAction;
import id.balai.reports.domain.WorkflowException;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff inbox and report page. Each action posts to its own URL; the workflow service checks the
 * person's right to it again, so a hand-made request gains nothing.
 */
@Controller
class StaffReportController {

    static final int PAGE_SIZE = 50;

    private final Reports reports;
    private final ReportWorkflow workflow;
    private final ReportPolicy policy;
    private final Categories categories;
    private final Regions regions;
    private final FileStorage storage;
    private final Clock clock;
    private final ResponseTemplates templates;
    private final List<ExternalReferences> externalReferences;

    StaffReportController(Reports reports, ReportWorkflow workflow, ReportPolicy policy, Categories categories, Regions regions,
            FileStorage storage, Clock clock, ResponseTemplates templates, List<ExternalReferences> externalReferences) {
        this.templates = templates;
        this.externalReferences = externalReferences;
        this.reports = reports;
        this.workflow = workflow;
        this.policy = policy;
        this.categories = categories;
        this.regions = regions;
        this.storage = storage;
        this.clock = clock;
    }

    @GetMapping("/staf")
    String inbox(@AuthenticationPrincipal StaffPrincipal staff, InboxFilter filter, @RequestParam(defaultValue = "1") int page, Model model) {
        int current = Math.max(1, Math.min(page, 1000));
        ReportPolicy.Scope scope = policy.scope(staff);
        List<Reports.Summary> rows = reports.inbox(scope.sql(), scope.params(), filter.toFilter(), clock.instant(),
                (current - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute("rows", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("page", current);
        model.addAttribute("filter", filter);
        model.addAttribute("staff", staff);
        model.addAttribute("now", clock.instant());
        model.addAttribute("categories", categories.all());
        // no longer offered to citizens, but old reports still carry them
        model.addAttribute("inactiveCategories", categories.inactive());
        model.addAttribute("kelurahans", regions.kelurahans());
        model.addAttribute("agencies", regions.agencies());
        model.addAttribute("statuses", ReportStatus.values());
        return "staff/inbox";
    }

    @GetMapping("/staf/laporan/{code}")
    String report(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String code, Model model) {
        Report report = viewable(staff, code);
        Set<StaffAction> actions = workflow.availableActions(staff, report);
        model.addAttribute("report", report);
        model.addAttribute("staff", staff);
        model.addAttribute("actions", actions);
        model.addAttribute("category", categories.byId(report.categoryId()).orElseThrow());
        model.addAttribute("timeline", reports.timeline(report.id()));
        model.addAttribute("photos", reports.photos(report.id()));
        model.addAttribute("answers", reports.answers(report.id()));
        model.addAttribute("agencies", regions.agencies());
        model.addAttribute("showReporter", switch (staff.role()) {
            case CITY_ADMIN, COORDINATOR, AGENCY_ADMIN -> true;
            default -> false;
        });
        model.addAttribute("reporter", reports.reporter(report.id()).orElse(null));
        model.addAttribute("now", clock.instant());
        model.addAttribute("rejectReasons", Report.RejectReason.values());
        model.addAttribute("templates", templates.list(staff.agencyId()));
        model.addAttribute("externalReferences", externalReferences.stream().flatMap(x -> x.of(report.id()).stream()).toList());
        return "staff/report";
    }

    /** Photos for staff: any photo of a report this person may see, hidden ones included. */
    @GetMapping("/staf/media/{photoId}")
    ResponseEntity<InputStreamResource> photo(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long photoId,
            @RequestParam(defaultValue = "false") boolean thumb) throws IOException {
        Reports.Photo photo = reports.photoById(photoId).orElseThrow(WebErrors::notFound);
        Report report = reports.byId(photo.reportId()).orElseThrow(WebErrors::notFound);
        policy.checkView(staff, report);
        return CitizenReportController.image(storage.open(thumb ? photo.thumbKey() : photo.storageKey()), CacheControl.noStore());
    }

    @PostMapping("/staf/laporan/{code}/verifikasi")
    String verify(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String code, RedirectAttributes r) {
        return act(code, r, "flash.verified", () -> workflow.verify(staff, code));
    }

    @PostMapping("/staf/laporan/{code}/tolak")
    String reject(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String code, @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "") String note, RedirectAttributes r) {
        Report.RejectReason parsed = parse(reason);
        return act(code, r, "flash.rejected", () -> workflow.reject(staff, code, parsed, note));
    }

    @PostMapping("/staf/laporan/{code}/disposisi")
    String route(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String code, @RequestParam(defaultValue = "0") long agencyId,
            RedirectAttributes r) {
        return act(code, r, "flash.routed", () -> workflow.route(staff, code, agencyId));
    }

    @PostMapping("/staf/laporan/{code}/gabung")
    String merge(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String code, @RequestParam(defaultValue = "") String target,
            RedirectAttributes r) {
        return act(code, r, "flash.merged", () -> workflow.merge(staff, code, target));
    }

    @PostMapping("/staf/laporan/{code}/moderasi")
    String moderate(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String code, @RequestParam(defaultValue = "") String publicText,
            RedirectAttributes r) {
        return act(code, r, "flash.moderated", () -> workflow.moderate(staff, code, publicText));
    }

    @PostMapping("/staf/laporan/{code}/foto/{photoId}/sembunyikan")
    String hidePhoto(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String code, @PathVariable long photoId,
            RedirectAttributes r) {
        return act(code, r, "flash.photo-hidden", () -> workflow.hidePhoto(staff, code, photoId));
    }

    @PostMapping("/staf/laporan/{code}/proses")
    String start(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String code, RedirectAttributes r) {
        return act(code, r, "flash.started", () -> workflow.start(staff, code));
    }

    @PostMapping("/staf/laporan/{code}/bukan-wewenang")
    String handBack(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String code, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes r) {
        return act(code, r, "flash.handed-back", () -> workflow.handBack(staff, code, reason));
    }

    @PostMapping("/staf/laporan/{code}/selesai")
    String resolve(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String code, @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) Long template, @RequestParam(name = "photo", required = false) MultipartFile photo,
            RedirectAttributes r) throws IOException {
        byte[] bytes = photo == null || photo.isEmpty() ? null : photo.getBytes();
        String text = withTemplate(staff, note, template);
        return act(code, r, "flash.resolved", () -> {
            try {
                workflow.resolve(staff, code, text, bytes);
            } catch (PhotoProcessor.RejectedPhoto e) {
                throw new WorkflowException(e.messageKey());
            }
        });
    }

    @PostMapping("/staf/laporan/{code}/catatan")
    String note(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String code, @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) Long template, @RequestParam(defaultValue = "false") boolean publicNote, RedirectAttributes r) {
        String text = withTemplate(staff, note, template);
        return act(code, r, "flash.noted", () -> workflow.addNote(staff, code, text, publicNote));
    }

    /** A response template fills an empty note; what the officer typed always wins. */
    private String withTemplate(StaffPrincipal staff, String note, Long templateId) {
        if (!note.isBlank() || templateId == null) return note;
        return templates.list(staff.agencyId()).stream().filter(t -> t.id() == templateId)
                .map(ResponseTemplates.ResponseTemplate::body).findFirst().orElse(note);
    }

    private Report viewable(StaffPrincipal staff, String code) {
        try {
            return workflow.view(staff, code);
        } catch (WorkflowException e) {
            throw WebErrors.notFound();
        }
    }

    private String act(String code, RedirectAttributes redirect, String success, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", success);
        } catch (WorkflowException e) {
            if (WebErrors.isUnknownReport(e) && !"flash.merged".equals(success)) throw WebErrors.notFound();
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/staf/laporan/" + code;
    }

    private static Report.RejectReason parse(String reason) {
        try {
            return reason == null ? null : Report.RejectReason.valueOf(reason);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Inbox filters. */
    public static class InboxFilter {
        private Long kategori;
        private String status;
        private String kelurahan;
        private Long opd;
        private boolean terlambat;
        private String q;

        Reports.Filter toFilter() {
            ReportStatus st = null;
            if (status != null && !status.isBlank()) {
                try {
                    st = ReportStatus.valueOf(status);
                } catch (IllegalArgumentException ignored) {
                    st = null;
                }
            }
            return new Reports.Filter(kategori, st, kelurahan == null || kelurahan.isBlank() ? null : kelurahan, opd, null, null,
                    terlambat, q);
        }

        public Long getKategori() { return kategori; }
        public void setKategori(Long v) { kategori = v; }
        public String getStatus() { return status; }
        public void setStatus(String v) { status = v; }
        public String getKelurahan() { return kelurahan; }
        public void setKelurahan(String v) { kelurahan = v; }
        public Long getOpd() { return opd; }
        public void setOpd(Long v) { opd = v; }
        public boolean isTerlambat() { return terlambat; }
        public void setTerlambat(boolean v) { terlambat = v; }
        public String getQ() { return q; }
        public void setQ(String v) { q = v; }
    }
}
