package id.balai.demo;

import id.balai.platform.images.PhotoProcessor;
import id.balai.calendar.Holidays;
import id.balai.demo.AstinaCatalogue.AccountDef;
import id.balai.demo.AstinaCatalogue.AgencyDef;
import id.balai.demo.AstinaCatalogue.CategoryDef;
import id.balai.demo.AstinaCatalogue.QuestionDef;
import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffDirectory.NewStaff;
import id.balai.identity.StaffRole;
import id.balai.open311.ApiKeys;
import id.balai.organisation.RegionRegistry;
import id.balai.organisation.Regions;
import id.balai.platform.BalaiProperties;
import id.balai.reports.CatalogueAdmin;
import id.balai.reports.ReportImport;
import id.balai.reports.ReportStatus;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds Kota Astina into a database that has no places yet, when {@code balai.demo.enabled=true}.
 * It runs once every bean exists but before the web server starts, so nobody sees a half-built city
 * and no cache is filled from an empty database. Everything but the photos is written in one
 * transaction (400 reports take about a second on H2): a crash leaves an empty database that the next
 * start seeds again, and two nodes starting together on one PostgreSQL cannot both seed (the second
 * fails on the first region's key and keeps the first's city). Photos follow in the background.
 */
@Component
class DemoCitySeeder implements SmartInitializingSingleton {

    /** Fixed, so that seeding on the same day gives the same city (the histories bend around weekends and holidays). */
    private static final long REPORT_SEED = 337_700_2026L;
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final String ACCOUNTS_FILE = "demo-accounts.txt";
    /** The Open311 key of the demo city, named in the API documentation so that anyone can try POST at once. */
    static final String DEMO_API_KEY = "demo-astina";
    static final String DEMO_PARTNER = "Contoh mitra (data demo)";
    private static final Logger log = LoggerFactory.getLogger(DemoCitySeeder.class);

    private final BalaiProperties properties;
    private final RegionRegistry registry;
    private final Regions regions;
    private final CatalogueAdmin catalogue;
    private final StaffDirectory staff;
    private final ReportImport reportImport;
    private final Holidays holidays;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApiKeys apiKeys;
    private final id.balai.portal.SiteSetup sites;
    private volatile CompletableFuture<Integer> photos = CompletableFuture.completedFuture(0);

    DemoCitySeeder(BalaiProperties properties, RegionRegistry registry, Regions regions, CatalogueAdmin catalogue,
            StaffDirectory staff, ReportImport reportImport, Holidays holidays, TransactionTemplate tx, Clock clock,
            ApiKeys apiKeys, id.balai.portal.SiteSetup sites) {
        this.properties = properties;
        this.registry = registry;
        this.regions = regions;
        this.catalogue = catalogue;
        this.staff = staff;
        this.reportImport = reportImport;
        this.holidays = holidays;
        this.tx = tx;
        this.clock = clock;
        this.apiKeys = apiKeys;
        this.sites = sites;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.demo().enabled()) seedIfEmpty();
    }

    /** A staff account as announced: user name, role and where it works. */
    record Account(String username, String role, String scope) {}

    record Seeded(String password, List<Account> accounts, int places, Map<ReportStatus, Integer> reports, long reportMillis,
            List<PhotoJob> photos) {}

    /** A photo to draw and attach once the city is saved; {@code seed} makes each drawing the same on every run. */
    record PhotoJob(long reportId, String icon, ReportImport.PhotoKind kind, Instant takenAt, long seed) {}

    /** Seeds the demo city; answers false, changing nothing, when the database already has places. */
    boolean seedIfEmpty() {
        long started = System.nanoTime();
        Seeded seeded;
        try {
            seeded = tx.execute(status -> registry.hasRegions() ? null : seed());
        } catch (DuplicateKeyException e) {
            registry.refresh();
            // Only another node's seed explains a clash; one inside our own seed is a bug and must show.
            if (!registry.hasRegions()) throw e;
            log.info("Another node seeded the demo city at the same moment; keeping its data");
            return false;
        } catch (RuntimeException e) {
            registry.refresh(); // forget the boundaries of the rolled-back seed
            throw e;
        }
        if (seeded == null) return false;
        long millis = (System.nanoTime() - started) / 1_000_000;
        announce(seeded);
        attachPhotosInBackground(seeded.photos());
        log.info("Demo city Kota Astina seeded in {} ms: {} places, {} OPD, {} categories, {} staff accounts, {} reports {} ({} ms)",
                millis, seeded.places(), AstinaCatalogue.AGENCIES.size(), AstinaCatalogue.CATEGORIES.size(), seeded.accounts().size(),
                seeded.reports().values().stream().mapToInt(Integer::intValue).sum(), seeded.reports(), seeded.reportMillis());
        return true;
    }

    private Seeded seed() {
        AstinaMap map = new AstinaMap();
        map.places().forEach(p -> registry.addRegion(p.region(), p.wkt()));
        Map<String, Long> agencyIds = new LinkedHashMap<>();
        for (AgencyDef a : AstinaCatalogue.AGENCIES) agencyIds.put(a.code(), registry.addAgency(a.code(), a.shortName(), a.name()).id());
        registry.refresh(); // the report import locates reports and checks agencies through Regions
        seedCatalogue(agencyIds);
        apiKeys.createKnown(DEMO_PARTNER, DEMO_API_KEY, ApiKeys.DEFAULT_PER_MINUTE);
        String password = password();
        List<Account> accounts = seedAccounts(map, agencyIds, password);
        new AstinaPortal(sites, regions, staff, properties.timeZone(), clock.instant()).seed(map, agencyIds);

        long started = System.nanoTime();
        DemoHistories histories = new DemoHistories(map, agencyIds, regions, holidays.calendar(), clock.instant(), REPORT_SEED);
        Map<ReportStatus, Integer> statuses = new EnumMap<>(ReportStatus.class);
        List<PhotoJob> photoJobs = new ArrayList<>();
        for (DemoHistories.Planned p : histories.plan(properties.demo().reportCount())) {
            ReportImport.Imported imported = reportImport.importReport(p.spec(), p.steps(), ReportImport.Deadlines.ENFORCED);
            statuses.merge(imported.status(), 1, Integer::sum);
            if (p.photoIcon() != null) {
                photoJobs.add(new PhotoJob(imported.id(), p.photoIcon(), ReportImport.PhotoKind.BEFORE, p.spec().submittedAt(), REPORT_SEED + imported.id()));
            }
            if (p.photoIcon() != null && p.afterPhotoAt() != null) {
                photoJobs.add(new PhotoJob(imported.id(), p.photoIcon(), ReportImport.PhotoKind.AFTER, p.afterPhotoAt(), REPORT_SEED - imported.id()));
            }
        }
        return new Seeded(password, accounts, map.places().size(), statuses, (System.nanoTime() - started) / 1_000_000, photoJobs);
    }

    private void seedCatalogue(Map<String, Long> agencyIds) {
        Map<String, Long> categoryIds = new LinkedHashMap<>();
        int order = 0;
        for (CategoryDef c : AstinaCatalogue.CATEGORIES) {
            long id = catalogue.createCategory(new CatalogueAdmin.NewCategory(c.code(), c.nameId(), c.nameEn(), c.hashtag(), c.icon(),
                    c.agencyCode() == null ? null : agencyIds.get(c.agencyCode()), c.emergency(), c.verifyDays(), c.followUpDays(),
                    c.autoCloseDays(), order += 10));
            categoryIds.put(c.code(), id);
            int questionOrder = 0;
            for (QuestionDef q : c.questions()) {
                catalogue.addQuestion(id, new CatalogueAdmin.NewQuestion(q.code(), q.labelId(), q.labelEn(), q.kind(), q.required(),
                        q.choices(), questionOrder++));
            }
        }
        for (AstinaCatalogue.RoutingRuleDef r : AstinaCatalogue.ROUTING_RULES) {
            catalogue.addRoutingRule(categoryIds.get(r.categoryCode()), r.kelurahanCode(), agencyIds.get(r.agencyCode()));
        }
        for (AstinaCatalogue.TemplateDef t : AstinaCatalogue.TEMPLATES) {
            catalogue.addResponseTemplate(t.agencyCode() == null ? null : agencyIds.get(t.agencyCode()), t.title(), t.body());
        }
    }

    private List<Account> seedAccounts(AstinaMap map, Map<String, Long> agencyIds, String password) {
        List<AccountDef> defs = new ArrayList<>(AstinaCatalogue.fixedAccounts());
        for (int i = 0; i < AstinaCatalogue.LURAH_KELURAHAN.size(); i++) {
            AstinaMap.Kelurahan k = map.kelurahan(AstinaCatalogue.LURAH_KELURAHAN.get(i));
            defs.add(new AccountDef("lurah." + k.slug(), AstinaCatalogue.LURAH_NAMES.get(i), StaffRole.LURAH, null, k.code(), false));
        }
        List<Account> accounts = new ArrayList<>();
        for (AccountDef d : defs) {
            staff.create(new NewStaff(d.username(), d.fullName(), d.email(), d.role(), d.agencyCode() == null ? null : agencyIds.get(d.agencyCode()),
                    d.regionCode(), d.agencyHead(), password));
            String scope = d.agencyCode() != null ? shortName(d.agencyCode()) + (d.agencyHead() ? " (kepala)" : "")
                    : d.regionCode() != null ? map.kelurahan(d.regionCode()).name() + " (" + d.regionCode() + ")" : "-";
            accounts.add(new Account(d.username(), d.role().name(), scope));
        }
        return accounts;
    }

    /** The photo attachment started by the last seeding; completes with the number of photos attached. */
    CompletableFuture<Integer> photos() {
        return photos;
    }

    /**
     * Photos follow the city on a background thread: every upload path runs them through
     * PhotoProcessor, which takes about 0.2 s per photo here, and waiting for two dozen of them would
     * more than double the time before Balai answers. Each photo is its own small transaction; if
     * Balai stops first, the reports simply have fewer pictures.
     */
    private void attachPhotosInBackground(List<PhotoJob> jobs) {
        if (jobs.isEmpty()) return;
        photos = CompletableFuture.supplyAsync(() -> attach(jobs), task -> {
            Thread thread = new Thread(task, "demo-photos");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private int attach(List<PhotoJob> jobs) {
        long started = System.nanoTime();
        int attached = 0;
        for (PhotoJob job : jobs) {
            try {
                byte[] image = DemoPhotos.scene(job.icon(), job.kind() == ReportImport.PhotoKind.AFTER, new Random(job.seed()));
                reportImport.addPhoto(job.reportId(), job.kind(), image, job.takenAt());
                attached++;
            } catch (RuntimeException e) {
                log.warn("Demo photos stopped after {} of {}: {}", attached, jobs.size(), e.toString());
                return attached;
            }
        }
        log.info("Attached {} demo photos in {} ms", attached, (System.nanoTime() - started) / 1_000_000);
        return attached;
    }

    private static String shortName(String agencyCode) {
        return AstinaCatalogue.AGENCIES.stream().filter(a -> a.code().equals(agencyCode)).findFirst().orElseThrow().shortName();
    }

    private String password() {
        String configured = properties.demo().password();
        if (configured != null && !configured.isBlank()) return configured;
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 12; i++) s.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        return s.toString();
    }

    /**
     * Tells whoever started Balai how to log in. Printing a password breaks the rule that secrets never
     * reach the log, on purpose: these are throwaway accounts of a demo city with made-up data, and
     * without them nobody can try the staff side. A real installation turns the demo off.
     */
    private void announce(Seeded seeded) {
        StringBuilder text = new StringBuilder();
        text.append("Kota Astina demo city: staff accounts, all with the password ").append(seeded.password()).append('\n');
        text.append(String.format("  %-18s %-14s %s%n", "username", "role", "agency / kelurahan"));
        for (Account a : seeded.accounts()) text.append(String.format("  %-18s %-14s %s%n", a.username(), a.role(), a.scope()));
        text.append("Log in at ").append(properties.publicBaseUrl()).append("/staf/masuk. These are throwaway demo credentials;")
                .append(" a real city starts with an empty database and BALAI_DEMO=false.\n");
        text.append("Open311 API: ").append(properties.publicBaseUrl()).append("/open311/v2/services.json; demo API key for POST: ")
                .append(DEMO_API_KEY).append('\n');
        log.info("\n{}", text);
        Path file = properties.dataDir().resolve(ACCOUNTS_FILE);
        try {
            Files.createDirectories(properties.dataDir());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            log.warn("Could not write {}: {}", file, e.getMessage());
        }
    }
}
