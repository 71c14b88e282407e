package id.balai.portal;

import id.balai.identity.AdminAudit;
import id.balai.identity.StaffPrincipal;
import id.balai.identity.StaffRole;
import id.balai.platform.FieldProblem;
import id.balai.platform.images.PhotoProcessor;
import id.balai.platform.storage.FileStorage;
import id.balai.platform.web.PublicContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every change to a site or its content, with the rule of who may make it: the city admin edits every site,
 * a site's editors (a kelurahan's or an OPD's admin) only theirs; creating sites, naming editors and host
 * names are the city admin's. Each change is audited, kept as a version, and moves {@link PublicContent}
 * after its commit so kept public pages are rendered anew.
 */
@Service
class SiteEditing {

    static final long MAX_PDF_BYTES = 12L * 1024 * 1024;

    private final Sites sites;
    private final SiteItems items;
    private final SiteMedia media;
    private final FileStorage storage;
    private final AdminAudit audit;
    private final PublicContent publicContent;
    private final Clock clock;
    private final id.balai.platform.BalaiProperties properties;

    SiteEditing(Sites sites, SiteItems items, SiteMedia media, FileStorage storage, AdminAudit audit, PublicContent publicContent,
            Clock clock, id.balai.platform.BalaiProperties properties) {
        this.properties = properties;
        this.sites = sites;
        this.items = items;
        this.media = media;
        this.storage = storage;
        this.audit = audit;
        this.publicContent = publicContent;
        this.clock = clock;
    }

    /** An uploaded file as received: its bytes and the name the browser gave. */
    record Upload(byte[] bytes, String name) {
        boolean present() {
            return bytes != null && bytes.length > 0;
        }
    }

    /** What a save came to: the item's id, or the problems (nothing stored), or a conflict with a newer version. */
    record Outcome(Long id, List<FieldProblem> problems, boolean pointFromPhoto) {
        static Outcome saved(long id, boolean pointFromPhoto) {
            return new Outcome(id, List.of(), pointFromPhoto);
        }

        boolean ok() {
            return id != null;
        }
    }

    static boolean isCityAdmin(StaffPrincipal staff) {
        return staff != null && staff.role() == StaffRole.CITY_ADMIN;
    }

    boolean canEdit(StaffPrincipal staff, Site site) {
        return isCityAdmin(staff) || (staff != null && sites.isEditor(site.id(), staff.id()));
    }

    void requireEdit(StaffPrincipal staff, Site site) {
        if (!canEdit(staff, site)) throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }

    void requireCityAdmin(StaffPrincipal staff) {
        if (!isCityAdmin(staff)) throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }

    List<Site> editable(StaffPrincipal staff) {
        if (isCityAdmin(staff)) return sites.all();
        List<Long> mine = sites.sitesEditedBy(staff.id());
        return sites.all().stream().filter(s -> mine.contains(s.id())).toList();
    }

    @Transactional
    Outcome create(StaffPrincipal staff, Site site, ItemKind kind, ItemContent content, Upload image, Upload file) {
        requireEdit(staff, site);
        List<FieldProblem> problems = new ArrayList<>();
        if (items.slugTaken(site.id(), kind, content.slug(), null)) problems.add(new FieldProblem("slug", "item.error.slug-taken"));
        if (kind.has(ItemKind.Field.FILE) && (file == null || !file.present()))
            problems.add(new FieldProblem("file", "item.error.file-required"));
        ItemContent withFiles = attach(site, staff, kind, content, image, file, problems);
        if (!problems.isEmpty()) return new Outcome(null, problems, false);
        long id = items.insert(site.id(), kind, stamped(withFiles), staff.id(), clock.instant());
        audit.record(staff, "site.item.created", String.valueOf(id));
        publicContent.changed();
        return Outcome.saved(id, !content.hasPoint() && withFiles.hasPoint());
    }

    @Transactional
    Outcome update(StaffPrincipal staff, Site site, SiteItem item, int expectedVersion, ItemContent content, Upload image, Upload file,
            boolean removeImage) {
        requireEdit(staff, site);
        requireOwn(site, item);
        List<FieldProblem> problems = new ArrayList<>();
        if (items.slugTaken(site.id(), item.kind(), content.slug(), item.id())) problems.add(new FieldProblem("slug", "item.error.slug-taken"));
        ItemContent withFiles = attach(site, staff, item.kind(), removeImage ? content.withImage(null) : content, image, file, problems);
        if (!problems.isEmpty()) return new Outcome(null, problems, false);
        if (!items.update(item.id(), expectedVersion, stamped(withFiles), staff.id(), clock.instant(), "")) {
            throw new ConcurrentEdit();
        }
        audit.record(staff, "site.item.changed", String.valueOf(item.id()));
        publicContent.changed();
        return Outcome.saved(item.id(), !content.hasPoint() && withFiles.hasPoint());
    }

    /** Somebody saved the item after this editor opened it; the transaction (and any image stored with it) is undone. */
    static class ConcurrentEdit extends RuntimeException {
        ConcurrentEdit() {
            super(null, null, false, false);
        }
    }

    /**
     * Brings back what version {@code version} held, as a new version (nothing in the history is lost), over the
     * version the editor saw ({@code expected}): a save made since then is never overwritten unseen.
     */
    @Transactional
    boolean restore(StaffPrincipal staff, Site site, SiteItem item, int version, int expected) {
        requireEdit(staff, site);
        requireOwn(site, item);
        ItemContent old = items.snapshot(item.id(), version).orElse(null);
        if (old == null) return false;
        if (old.imageId() != null && media.byId(old.imageId()).isEmpty()) old = old.withImage(null);
        if (items.slugTaken(site.id(), item.kind(), old.slug(), item.id())) return false;
        if (!items.update(item.id(), expected, old, staff.id(), clock.instant(), "restored:" + version)) throw new ConcurrentEdit();
        audit.record(staff, "site.item.restored", item.id() + "@" + version);
        publicContent.changed();
        return true;
    }

    @Transactional
    List<FieldProblem> saveSettings(StaffPrincipal staff, Site site, int expectedVersion, SiteSettings settings, Upload logo) {
        requireEdit(staff, site);
        List<FieldProblem> problems = new ArrayList<>(settings.problems());
        Long logoId = settings.logoId();
        if (problems.isEmpty() && logo != null && logo.present()) {
            try {
                logoId = media.add(site.id(), logo.bytes(), site.name(), staff.id(), clock.instant()).id();
            } catch (PhotoProcessor.RejectedPhoto e) {
                problems.add(new FieldProblem("logo", e.messageKey()));
            }
        }
        if (!problems.isEmpty()) return problems;
        SiteSettings saved = new SiteSettings(settings.name(), settings.tagline(), settings.colour(), logoId, settings.menu(),
                settings.social(), settings.contact());
        if (!sites.update(site.id(), expectedVersion, saved, staff.id(), clock.instant())) throw new ConcurrentEdit();
        audit.record(staff, "site.changed", String.valueOf(site.id()));
        publicContent.changed();
        return List.of();
    }

    @Transactional
    boolean restoreSettings(StaffPrincipal staff, Site site, int version, int expected) {
        requireEdit(staff, site);
        SiteSettings old = sites.snapshot(site.id(), version).orElse(null);
        if (old == null) return false;
        if (old.logoId() != null && media.byId(old.logoId()).isEmpty()) {
            old = new SiteSettings(old.name(), old.tagline(), old.colour(), null, old.menu(), old.social(), old.contact());
        }
        if (!sites.update(site.id(), expected, old, staff.id(), clock.instant())) throw new ConcurrentEdit();
        audit.record(staff, "site.restored", site.id() + "@" + version);
        publicContent.changed();
        return true;
    }

    @Transactional
    long addImage(StaffPrincipal staff, Site site, Upload upload, String alt) throws PhotoProcessor.RejectedPhoto {
        requireEdit(staff, site);
        if (upload == null || !upload.present()) throw new PhotoProcessor.RejectedPhoto("error.photo.empty");
        long id = media.add(site.id(), upload.bytes(), alt, staff.id(), clock.instant()).id();
        audit.record(staff, "site.image.added", String.valueOf(id));
        return id;
    }

    /** Removes an unused image from the library; false when an item or the site's logo still shows it. */
    @Transactional
    boolean removeImage(StaffPrincipal staff, Site site, long imageId) {
        requireEdit(staff, site);
        if (items.imageUsed(imageId) || Long.valueOf(imageId).equals(site.logoId())) return false;
        boolean removed = media.remove(site.id(), imageId);
        if (removed) audit.record(staff, "site.image.removed", String.valueOf(imageId));
        return removed;
    }

    @Transactional
    long createSite(StaffPrincipal staff, SiteKind kind, String slug, String name, String regionCode, Long agencyId) {
        requireCityAdmin(staff);
        long id = sites.insert(kind, slug, name, "", regionCode, agencyId, staff.id(), clock.instant());
        audit.record(staff, "site.created", String.valueOf(id));
        publicContent.changed();
        return id;
    }

    @Transactional
    void addEditor(StaffPrincipal staff, Site site, long editorId) {
        requireCityAdmin(staff);
        sites.addEditor(site.id(), editorId);
        audit.record(staff, "site.editor.added", site.id() + ":" + editorId);
    }

    @Transactional
    void removeEditor(StaffPrincipal staff, Site site, long editorId) {
        requireCityAdmin(staff);
        if (sites.removeEditor(site.id(), editorId)) audit.record(staff, "site.editor.removed", site.id() + ":" + editorId);
    }

    private static final java.util.regex.Pattern HOST =
            java.util.regex.Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    /**
     * Gives a site its own host name, or none for an empty one; false (nothing changed) for a name that is not a
     * host name, is another site's, or is the portal's own (which would hand the city's front page to one site).
     */
    @Transactional
    boolean setHost(StaffPrincipal staff, Site site, String typed) {
        requireCityAdmin(staff);
        String host = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
        String main = java.net.URI.create(properties.publicBaseUrl()).getHost();
        if (!host.isEmpty() && (host.length() > 200 || !HOST.matcher(host).matches() || host.equalsIgnoreCase(main)
                || sites.byHost(host).filter(other -> other.id() != site.id()).isPresent())) return false;
        sites.setHost(site.id(), host.isEmpty() ? null : host);
        audit.record(staff, "site.host.changed", String.valueOf(site.id()));
        publicContent.changed();
        return true;
    }

    /** Published without a time: published now (news are dated by it). */
    private ItemContent stamped(ItemContent c) {
        return c.published() && c.publishAt() == null ? c.withStatus(ItemContent.PUBLISHED, clock.instant()) : c;
    }

    private static void requireOwn(Site site, SiteItem item) {
        if (item.siteId() != site.id()) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /** Stores a new image and file when given (checked by their bytes), else keeps the content's own. */
    private ItemContent attach(Site site, StaffPrincipal staff, ItemKind kind, ItemContent content, Upload image, Upload file,
            List<FieldProblem> problems) {
        ItemContent c = content;
        if (file != null && file.present()) {
            if (file.bytes().length > MAX_PDF_BYTES) problems.add(new FieldProblem("file", "item.error.file-large"));
            else if (!isPdf(file.bytes())) problems.add(new FieldProblem("file", "item.error.file-type"));
            else if (problems.isEmpty()) {
                try {
                    String key = storage.store("situs-dokumen", file.bytes(), "pdf");
                    c = c.withFile(key, fileName(file.name(), content.slug()), file.bytes().length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (image != null && image.present() && problems.isEmpty()) {
            try {
                SiteMedia.Added added = media.add(site.id(), image.bytes(), content.title(), staff.id(), clock.instant());
                c = c.withImage(added.id());
                // a shop photographed where it is: its point, unless the editor set one
                if (kind.has(ItemKind.Field.GPS) && !c.hasPoint() && added.gpsLat() != null && added.gpsLon() != null) c = c.withPoint(added.gpsLat(), added.gpsLon());
            } catch (PhotoProcessor.RejectedPhoto e) {
                problems.add(new FieldProblem("image", e.messageKey()));
            }
        } else if (c.imageId() != null && media.byId(c.imageId()).filter(m -> m.siteId() == site.id()).isEmpty()) {
            problems.add(new FieldProblem("image", "error.photo.unknown")); // an image of another site, or gone
        }
        return c;
    }

    /** A PDF by its content: the header at the start and an end-of-file marker in the last kilobyte. */
    static boolean isPdf(byte[] b) {
        if (b.length < 16 || !new String(b, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) return false;
        int from = Math.max(0, b.length - 1024);
        return new String(b, from, b.length - from, StandardCharsets.ISO_8859_1).contains("%%EOF");
    }

    private static String fileName(String typed, String slug) {
        String name = typed == null ? "" : typed.replaceAll("[^A-Za-z0-9._ -]", "").strip();
        if (name.isEmpty() || !name.toLowerCase().endsWith(".pdf")) name = slug + ".pdf";
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    Instant now() {
        return clock.instant();
    }
}
