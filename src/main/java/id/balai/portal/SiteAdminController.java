package id.balai.portal;

import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.organisation.Regions;
import id.balai.platform.BalaiProperties;
import id.balai.platform.FieldProblem;
import id.balai.platform.images.PhotoProcessor;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /staf/situs}: editors manage their sites. Every handler checks on the server that this staff member
 * may edit this site ({@link SiteEditing}); a site's editors see only their sites.
 */
@Controller
class SiteAdminController {

    static final String ROOT = "/staf/situs";

    private final Sites sites;
    private final SiteItems items;
    private final SiteMedia media;
    private final SiteEditing editing;
    private final StaffDirectory staffDirectory;
    private final Regions regions;
    private final PortalController publicPages;
    private final BalaiProperties properties;

    SiteAdminController(Sites sites, SiteItems items, SiteMedia media, SiteEditing editing, StaffDirectory staffDirectory, Regions regions,
            PortalController publicPages, BalaiProperties properties) {
        this.sites = sites;
        this.items = items;
        this.media = media;
        this.editing = editing;
        this.staffDirectory = staffDirectory;
        this.regions = regions;
        this.publicPages = publicPages;
        this.properties = properties;
    }

    @GetMapping(ROOT)
    String sites(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        model.addAttribute("sites", editing.editable(staff));
        model.addAttribute("cityAdmin", SiteEditing.isCityAdmin(staff));
        model.addAttribute("kinds", List.of(SiteKind.KELURAHAN, SiteKind.OPD));
        model.addAttribute("kelurahans", regions.kelurahans());
        model.addAttribute("agencies", regions.agencies());
        model.addAttribute("problems", model.containsAttribute("problems") ? model.getAttribute("problems") : List.of());
        return "portal/admin-sites";
    }

    /** A new kelurahan or OPD site (city admin): its name and path, linked to its kelurahan or agency. */
    @PostMapping(ROOT)
    String createSite(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        editing.requireCityAdmin(staff);
        List<FieldProblem> problems = new ArrayList<>();
        SiteKind kind = "OPD".equals(form.get("kind")) ? SiteKind.OPD : SiteKind.KELURAHAN;
        String slug = form.getOrDefault("slug", "").strip().toLowerCase();
        String name = form.getOrDefault("name", "").strip();
        if (!ItemForm.SLUG.matcher(slug).matches() || slug.length() > 60) problems.add(new FieldProblem("slug", "item.error.slug"));
        else if (sites.find(kind, slug).isPresent()) problems.add(new FieldProblem("slug", "site.error.slug-taken"));
        if (name.isEmpty() || name.length() > 120) problems.add(new FieldProblem("name", "site.error.name"));
        String region = null;
        Long agency = null;
        if (kind == SiteKind.KELURAHAN) {
            region = form.getOrDefault("regionCode", "");
            String r = region;
            if (regions.kelurahans().stream().noneMatch(k -> k.code().equals(r))) problems.add(new FieldProblem("regionCode", "site.error.region"));
        } else {
            try {
                long a = Long.parseLong(form.getOrDefault("agencyId", ""));
                if (regions.agencies().stream().noneMatch(x -> x.id() == a)) throw new NumberFormatException();
                agency = a;
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("agencyId", "site.error.agency"));
            }
        }
        if (!problems.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("problems", problems);
            model.addAttribute("form", form);
            return sites(staff, model);
        }
        long id = editing.createSite(staff, kind, slug, name, region, agency);
        redirect.addFlashAttribute("flash", "site.flash.created");
        return "redirect:" + ROOT + "/" + id;
    }

    @GetMapping(ROOT + "/{siteId}")
    String site(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, Model model) {
        Site site = editableSite(staff, siteId);
        Map<ItemKind, List<SiteItem>> byKind = new LinkedHashMap<>();
        for (ItemKind k : ItemKind.values()) byKind.put(k, new ArrayList<>());
        for (SiteItem i : items.all(site.id())) byKind.get(i.kind()).add(i);
        model.addAttribute("site", site);
        model.addAttribute("byKind", byKind);
        model.addAttribute("now", editing.now());
        model.addAttribute("cityAdmin", SiteEditing.isCityAdmin(staff));
        model.addAttribute("editors", sites.editors(site.id()).stream().map(staffDirectory::byId).flatMap(Optional::stream).toList());
        model.addAttribute("zone", properties.timeZone());
        return "portal/admin-site";
    }

    @GetMapping(ROOT + "/{siteId}/baru/{kind}")
    String newItem(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, @PathVariable String kind, Model model) {
        Site site = editableSite(staff, siteId);
        ItemKind k = kind(kind);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("status", ItemContent.DRAFT);
        return itemForm(model, site, k, null, form, List.of(), null);
    }

    @PostMapping(ROOT + "/{siteId}/baru/{kind}")
    String create(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, @PathVariable String kind,
            @RequestParam Map<String, String> form, @RequestParam(required = false) MultipartFile image,
            @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response, RedirectAttributes redirect)
            throws IOException {
        Site site = editableSite(staff, siteId);
        ItemKind k = kind(kind);
        ItemForm.Read read = ItemForm.read(k, form, null, properties.timeZone());
        List<FieldProblem> problems = new ArrayList<>(read.problems());
        SiteEditing.Outcome outcome;
        try {
            outcome = problems.isEmpty() ? editing.create(staff, site, k, read.content(), upload(image), upload(file))
                    : new SiteEditing.Outcome(null, problems, false);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // another editor took the same address a moment ago
            outcome = new SiteEditing.Outcome(null, List.of(new FieldProblem("slug", "item.error.slug-taken")), false);
        }
        if (!outcome.ok()) {
            response.setStatus(422);
            return refused(model, staff, site, k, null, form, image, outcome.problems());
        }
        flash(redirect, outcome.id());
        if (outcome.pointFromPhoto()) redirect.addFlashAttribute("pointFromPhoto", true);
        return "redirect:" + ROOT + "/" + site.id() + "/isi/" + outcome.id();
    }

    @GetMapping(ROOT + "/{siteId}/isi/{itemId}")
    String edit(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, @PathVariable long itemId, Model model) {
        Site site = editableSite(staff, siteId);
        SiteItem item = item(site, itemId);
        return itemForm(model, site, item.kind(), item, ItemForm.of(item.content(), properties.timeZone()), List.of(), null);
    }

    @PostMapping(ROOT + "/{siteId}/isi/{itemId}")
    String update(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, @PathVariable long itemId,
            @RequestParam Map<String, String> form, @RequestParam(required = false) MultipartFile image,
            @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response, RedirectAttributes redirect)
            throws IOException {
        Site site = editableSite(staff, siteId);
        SiteItem item = item(site, itemId);
        int expected;
        try {
            expected = Integer.parseInt(form.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        ItemForm.Read read = ItemForm.read(item.kind(), form, item.content(), properties.timeZone());
        if (!read.problems().isEmpty()) {
            response.setStatus(422);
            return refused(model, staff, site, item.kind(), item, form, image, read.problems());
        }
        try {
            SiteEditing.Outcome outcome = editing.update(staff, site, item, expected, read.content(), upload(image), upload(file),
                    "on".equals(form.get("removeImage")));
            if (!outcome.ok()) {
                response.setStatus(422);
                return refused(model, staff, site, item.kind(), item, form, image, outcome.problems());
            }
            if (outcome.pointFromPhoto()) redirect.addFlashAttribute("pointFromPhoto", true);
        } catch (SiteEditing.ConcurrentEdit e) {
            // Somebody saved first: show what is stored now beside what this editor typed; nothing is overwritten.
            SiteItem stored = item(site, itemId);
            response.setStatus(409);
            return itemForm(model, site, item.kind(), stored, form, List.of(), stored);
        }
        flash(redirect, item.id());
        return "redirect:" + ROOT + "/" + site.id() + "/isi/" + item.id();
    }

    /** Says whether the saved item is on the site now, waits for its time, or is a draft nobody sees. */
    private void flash(RedirectAttributes redirect, long itemId) {
        SiteItem saved = items.byId(itemId).orElseThrow();
        if (saved.visibleAt(editing.now())) redirect.addFlashAttribute("flash", "item.flash.live");
        else if (saved.content().published()) redirect.addFlashAttribute("flash", "item.flash.scheduled");
        else redirect.addFlashAttribute("flash", "item.flash.draft");
    }

    /**
     * The form sent back with its problems (422). It cannot carry its file input, so a photo chosen with it is kept in
     * the site's library and named in the form, and the next save has it without choosing it again; a file that is
     * not a photo is said at once.
     */
    private String refused(Model model, StaffPrincipal staff, Site site, ItemKind kind, SiteItem item, Map<String, String> form,
            MultipartFile image, List<FieldProblem> problems) throws IOException {
        List<FieldProblem> shown = new ArrayList<>(problems);
        Map<String, String> kept = new LinkedHashMap<>(form);
        SiteEditing.Upload upload = upload(image);
        if (upload != null && shown.stream().noneMatch(p -> p.field().equals("image"))) {
            try {
                String alt = form.getOrDefault("title", "").strip();
                kept.put("imageId", String.valueOf(editing.addImage(staff, site, upload, alt.length() > 200 ? alt.substring(0, 200) : alt)));
            } catch (PhotoProcessor.RejectedPhoto e) {
                shown.add(new FieldProblem("image", e.messageKey()));
            }
        }
        return itemForm(model, site, kind, item, kept, shown, null);
    }

    /** The item as the public would see it, also while it is a draft or scheduled. */
    @GetMapping(ROOT + "/{siteId}/isi/{itemId}/pratinjau")
    String preview(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, @PathVariable long itemId, Model model) {
        Site site = editableSite(staff, siteId);
        SiteItem item = item(site, itemId);
        model.addAttribute("preview", true);
        return publicPages.itemPage(site, item, model);
    }

    @GetMapping(ROOT + "/{siteId}/isi/{itemId}/riwayat")
    String history(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, @PathVariable long itemId, Model model) {
        Site site = editableSite(staff, siteId);
        SiteItem item = item(site, itemId);
        model.addAttribute("site", site);
        model.addAttribute("item", item);
        model.addAttribute("versions", items.versions(item.id()));
        model.addAttribute("names", names(items.versions(item.id()).stream().map(SiteItems.Version::by).toList()));
        model.addAttribute("zone", properties.timeZone());
        return "portal/admin-history";
    }

    @PostMapping(ROOT + "/{siteId}/isi/{itemId}/riwayat/{version}")
    String restore(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, @PathVariable long itemId,
            @PathVariable int version, @RequestParam(name = "expected", defaultValue = "-1") int expected, RedirectAttributes redirect) {
        Site site = editableSite(staff, siteId);
        SiteItem item = item(site, itemId);
        try {
            if (editing.restore(staff, site, item, version, expected)) redirect.addFlashAttribute("flash", "item.flash.restored");
            else redirect.addFlashAttribute("flashError", "item.error.restore");
        } catch (SiteEditing.ConcurrentEdit e) {
            redirect.addFlashAttribute("flashError", "item.error.restore-conflict");
        }
        return "redirect:" + ROOT + "/" + site.id() + "/isi/" + item.id();
    }

    @GetMapping(ROOT + "/{siteId}/pengaturan")
    String settings(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, Model model) {
        Site site = editableSite(staff, siteId);
        return settingsPage(model, site, SiteSettings.of(site), site.version(), List.of(), false, staff);
    }

    @PostMapping(ROOT + "/{siteId}/pengaturan")
    String saveSettings(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, @RequestParam Map<String, String> form,
            @RequestParam(required = false) MultipartFile logo, Model model, HttpServletResponse response, RedirectAttributes redirect)
            throws IOException {
        Site site = editableSite(staff, siteId);
        int expected;
        try {
            expected = Integer.parseInt(form.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Long logoId = "on".equals(form.get("removeLogo")) ? null : site.logoId();
        SiteSettings typed = new SiteSettings(form.get("name"), form.get("tagline"), form.get("colour"), logoId, form.get("menu"),
                form.get("social"), form.get("contact")).normalised();
        try {
            List<FieldProblem> problems = editing.saveSettings(staff, site, expected, typed, upload(logo));
            if (!problems.isEmpty()) {
                response.setStatus(422);
                return settingsPage(model, site, typed, expected, problems, false, staff);
            }
        } catch (SiteEditing.ConcurrentEdit e) {
            Site stored = sites.fresh(siteId).orElseThrow(PortalController::notFound);
            response.setStatus(409);
            return settingsPage(model, stored, typed, stored.version(), List.of(), true, staff);
        }
        redirect.addFlashAttribute("flash", "site.flash.saved");
        return "redirect:" + ROOT + "/" + site.id() + "/pengaturan";
    }

    @PostMapping(ROOT + "/{siteId}/pengaturan/riwayat/{version}")
    String restoreSettings(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, @PathVariable int version,
            @RequestParam(name = "expected", defaultValue = "-1") int expected, RedirectAttributes redirect) {
        Site site = editableSite(staff, siteId);
        try {
            boolean restored = editing.restoreSettings(staff, site, version, expected);
            redirect.addFlashAttribute(restored ? "flash" : "flashError", restored ? "site.flash.restored" : "site.error.restore");
        } catch (SiteEditing.ConcurrentEdit e) {
            redirect.addFlashAttribute("flashError", "item.error.restore-conflict");
        }
        return "redirect:" + ROOT + "/" + site.id() + "/pengaturan";
    }

    @GetMapping(ROOT + "/{siteId}/media")
    String media(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, Model model) {
        Site site = editableSite(staff, siteId);
        model.addAttribute("site", site);
        model.addAttribute("images", media.ofSite(site.id()));
        if (!model.containsAttribute("problems")) model.addAttribute("problems", List.of());
        return "portal/admin-media";
    }

    @PostMapping(ROOT + "/{siteId}/media")
    String upload(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, @RequestParam(required = false) MultipartFile image,
            @RequestParam(defaultValue = "") String alt, Model model, HttpServletResponse response, RedirectAttributes redirect)
            throws IOException {
        Site site = editableSite(staff, siteId);
        if (alt.strip().length() > 200) {
            response.setStatus(422);
            model.addAttribute("problems", List.of(new FieldProblem("alt", "media.error.alt")));
            return media(staff, siteId, model);
        }
        try {
            editing.addImage(staff, site, upload(image), alt);
        } catch (PhotoProcessor.RejectedPhoto e) {
            response.setStatus(422);
            model.addAttribute("problems", List.of(new FieldProblem("image", e.messageKey())));
            return media(staff, siteId, model);
        }
        redirect.addFlashAttribute("flash", "media.flash.added");
        return "redirect:" + ROOT + "/" + site.id() + "/media";
    }

    @PostMapping(ROOT + "/{siteId}/media/{imageId}/hapus")
    String removeImage(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, @PathVariable long imageId,
            RedirectAttributes redirect) {
        Site site = editableSite(staff, siteId);
        if (editing.removeImage(staff, site, imageId)) redirect.addFlashAttribute("flash", "media.flash.removed");
        else redirect.addFlashAttribute("flashError", "media.error.in-use");
        return "redirect:" + ROOT + "/" + site.id() + "/media";
    }

    @PostMapping(ROOT + "/{siteId}/editor")
    String addEditor(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, @RequestParam(defaultValue = "") String username,
            RedirectAttributes redirect) {
        Site site = site(siteId);
        editing.requireCityAdmin(staff);
        Optional<StaffPrincipal> editor = staffDirectory.byUsername(username.strip().toLowerCase());
        if (editor.isEmpty()) {
            redirect.addFlashAttribute("flashError", "site.error.editor-unknown");
        } else {
            editing.addEditor(staff, site, editor.get().id());
            redirect.addFlashAttribute("flash", "site.flash.editor-added");
        }
        return "redirect:" + ROOT + "/" + site.id();
    }

    @PostMapping(ROOT + "/{siteId}/editor/{staffId}/hapus")
    String removeEditor(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, @PathVariable long staffId,
            RedirectAttributes redirect) {
        Site site = site(siteId);
        editing.removeEditor(staff, site, staffId);
        redirect.addFlashAttribute("flash", "site.flash.editor-removed");
        return "redirect:" + ROOT + "/" + site.id();
    }

    /** The site's own host name (city admin): its pages are then also served at that host's root. */
    @PostMapping(ROOT + "/{siteId}/host")
    String setHost(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long siteId, @RequestParam(defaultValue = "") String host,
            RedirectAttributes redirect) {
        Site site = site(siteId);
        editing.requireCityAdmin(staff);
        boolean saved;
        try {
            saved = editing.setHost(staff, site, host);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            saved = false; // another site took it a moment ago
        }
        redirect.addFlashAttribute(saved ? "flash" : "flashError", saved ? "site.flash.saved" : "site.error.host");
        return "redirect:" + ROOT + "/" + site.id();
    }

    private String itemForm(Model model, Site site, ItemKind kind, SiteItem item, Map<String, String> form, List<FieldProblem> problems,
            SiteItem conflict) {
        model.addAttribute("site", site);
        model.addAttribute("kind", kind);
        model.addAttribute("item", item);
        Map<String, String> all = new LinkedHashMap<>(ItemForm.FIELDS.stream().collect(java.util.stream.Collectors.toMap(f -> f, f -> "")));
        form.forEach((k, v) -> { if (v != null) all.put(k, v); });
        model.addAttribute("form", all);
        model.addAttribute("problems", problems);
        model.addAttribute("conflict", conflict);
        Long imageId = all.get("imageId") != null && all.get("imageId").matches("[0-9]{1,18}") ? Long.valueOf(all.get("imageId"))
                : item == null ? null : item.content().imageId();
        model.addAttribute("image", imageId == null ? null : media.byId(imageId).filter(m -> m.siteId() == site.id()).orElse(null));
        model.addAttribute("now", editing.now());
        model.addAttribute("zone", properties.timeZone());
        model.addAttribute("centre", PortalController.centreOf(site, regions));
        return "portal/admin-item";
    }

    private String settingsPage(Model model, Site site, SiteSettings form, int version, List<FieldProblem> problems, boolean conflict,
            StaffPrincipal staff) {
        model.addAttribute("site", site);
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        model.addAttribute("problems", problems);
        model.addAttribute("conflict", conflict);
        model.addAttribute("versions", sites.versions(site.id()));
        model.addAttribute("names", names(sites.versions(site.id()).stream().map(Sites.SiteVersion::by).toList()));
        model.addAttribute("zone", properties.timeZone());
        return "portal/admin-settings";
    }

    private Map<Long, String> names(List<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Long id : ids) if (id != null) names.computeIfAbsent(id, i -> staffDirectory.byId(i).map(StaffPrincipal::fullName).orElse("#" + i));
        return names;
    }

    private Site site(long siteId) {
        return sites.byId(siteId).orElseThrow(PortalController::notFound);
    }

    private Site editableSite(StaffPrincipal staff, long siteId) {
        Site site = site(siteId);
        editing.requireEdit(staff, site);
        return site;
    }

    private SiteItem item(Site site, long itemId) {
        return items.byId(itemId).filter(i -> i.siteId() == site.id()).orElseThrow(PortalController::notFound);
    }

    private static ItemKind kind(String kind) {
        try {
            return ItemKind.ofSegment(kind);
        } catch (IllegalArgumentException e) {
            throw PortalController.notFound();
        }
    }

    private static SiteEditing.Upload upload(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : new SiteEditing.Upload(file.getBytes(), file.getOriginalFilename());
    }
}
