package id.balai.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.identity.StaffRole;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Region;
import id.balai.organisation.RegionLevel;
import id.balai.organisation.Regions;
import id.balai.platform.BalaiProperties;
import id.balai.platform.storage.FileStorage;
import id.balai.reports.ReportStatus;
import id.balai.reports.domain.Categories;
import id.balai.reports.domain.ResponseTemplates;
import id.balai.reports.domain.SlaEnforcer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootTest // MOCK: SecurityConfig needs a servlet environment, NONE fails on HttpSecurity
@Import(StillClock.class)
class DemoCitySeederTest {

    @Autowired Regions regions;
    @Autowired StaffDirectory staff;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder passwords;
    @Autowired DemoCitySeeder seeder;
    @Autowired JdbcClient jdbc;
    @Autowired BalaiProperties properties;
    @Autowired Categories categories;
    @Autowired ResponseTemplates templates;
    @Autowired FileStorage storage;
    @Autowired SlaEnforcer slaEnforcer;

    @Test
    void seedsSixteenKelurahanUnderFourKecamatan() {
        assertThat(regions.kelurahans()).hasSize(16);
        assertThat(regions.find("33.77")).map(Region::level).contains(RegionLevel.KOTA);
        for (int k = 1; k <= 4; k++) {
            String kecamatan = "33.77.0" + k;
            assertThat(regions.find(kecamatan)).map(Region::level).contains(RegionLevel.KECAMATAN);
            assertThat(regions.kelurahans()).filteredOn(r -> kecamatan.equals(r.parentCode())).hasSize(4);
        }
        assertThat(regions.kelurahans()).extracting(Region::slug).doesNotHaveDuplicates().allMatch(s -> s.matches("[a-z0-9-]+"));
        assertThat(regions.find("33.77.01.1001.001")).map(Region::level).contains(RegionLevel.RW);
        assertThat(regions.find("33.77.01.1001.001.002")).map(Region::level).contains(RegionLevel.RT);
    }

    @Test
    void everyKelurahanContainsItsOwnCentre() {
        for (Region k : regions.kelurahans()) {
            GeoPoint centre = regions.centreOf(k.code()).orElseThrow();
            assertThat(regions.kelurahanAt(centre)).as(k.name()).map(Region::code).contains(k.code());
        }
        assertThat(regions.centre().distanceTo(new GeoPoint(-6.97, 110.12))).isLessThan(1_500);
    }

    @Test
    void pointsFarOutsideTheCityAreInNoKelurahan() {
        assertThat(regions.kelurahanAt(new GeoPoint(-6.2, 106.8))).isEmpty();
        assertThat(regions.kelurahanAt(new GeoPoint(-6.97, 110.20))).isEmpty();
        assertThat(regions.kelurahanAt(new GeoPoint(-7.02, 110.12))).isEmpty();
    }

    @Test
    void kelurahanTileTheCityWithoutGapsOrOverlaps() {
        // Within the inner part of the city every point lies in exactly one boundary (the outer edge is ragged).
        Map<String, List<double[]>> rings = regions.kelurahanBoundaries();
        for (double lat = -6.985; lat <= -6.955; lat += 0.0011) {
            for (double lon = 110.10; lon <= 110.14; lon += 0.0013) {
                double la = lat, lo = lon;
                long containing = rings.values().stream().filter(ring -> contains(ring, la, lo)).count();
                assertThat(containing).as("boundaries holding %.4f, %.4f", lat, lon).isEqualTo(1);
            }
        }
    }

    @Test
    void createsStaffAccountsWithTheirRoles() {
        assertThat(role("admin")).isEqualTo(StaffRole.CITY_ADMIN);
        assertThat(role("koordinator")).isEqualTo(StaffRole.COORDINATOR);
        assertThat(role("walikota")).isEqualTo(StaffRole.LEADER);
        assertThat(role("petugas.dlh")).isEqualTo(StaffRole.FIELD_OFFICER);
        assertThat(role("petugas.dpupr")).isEqualTo(StaffRole.FIELD_OFFICER);
        for (String opd : List.of("dpupr", "dlh", "bpbd", "satpolpp", "dishub", "damkar", "dinkes", "diskominfo", "dprkp")) {
            StaffPrincipal head = staff.byUsername(opd).orElseThrow();
            assertThat(head.role()).isEqualTo(StaffRole.AGENCY_ADMIN);
            assertThat(head.agencyHead()).isTrue();
            assertThat(regions.agency(head.agencyId())).get().extracting(a -> a.code().toLowerCase()).isEqualTo(opd);
            assertThat(head.email()).isEqualTo(opd + "@astina.example");
        }
        StaffPrincipal lurah = staff.byUsername("lurah.kauman").orElseThrow();
        assertThat(lurah.role()).isEqualTo(StaffRole.LURAH);
        assertThat(lurah.regionCode()).isEqualTo("33.77.01.1001");
        assertThat(staff.withRole(StaffRole.LURAH)).hasSize(2);
        assertThat(passwords.matches("demo-test-pass", users.loadUserByUsername("koordinator").getPassword())).isTrue();
    }

    @Test
    void writesTheAccountsAndPasswordToAnOwnerOnlyFile() throws Exception {
        Path file = properties.dataDir().resolve(DemoCitySeeder.ACCOUNTS_FILE);
        assertThat(Files.readString(file)).contains("demo-test-pass", "koordinator", "lurah.kauman", "AGENCY_ADMIN");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void setsUpCategoriesRoutingAndTemplates() {
        assertThat(categories.all()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(categories.byHashtagIn("Tolong #BanjirAstina di Jl. Pemuda")).get().extracting(c -> c.code()).isEqualTo("banjir");
        assertThat(categories.byCode("banjir").orElseThrow().questions()).hasSize(2);
        assertThat(categories.byCode("kebakaran").orElseThrow().emergency()).isTrue();
        var sampah = categories.byCode("sampah").orElseThrow();
        long dlh = regions.agencyByCode("DLH").orElseThrow().id();
        long dpupr = regions.agencyByCode("DPUPR").orElseThrow().id();
        assertThat(categories.responsibleAgency(sampah, "33.77.03.1002")).contains(dlh);
        assertThat(categories.responsibleAgency(sampah, "33.77.02.1001")).contains(dpupr);
        assertThat(templates.list(dlh)).extracting(t -> t.agencyId()).contains(dlh, (Long) null).doesNotContain(dpupr);
        assertThat(templates.list(null)).allMatch(t -> t.agencyId() == null).isNotEmpty();
    }

    @Test
    void seedsEveryStatusOnce() {
        Set<ReportStatus> statuses = jdbc.sql("select distinct status from report").query(String.class).list().stream()
                .map(ReportStatus::valueOf).collect(Collectors.toSet());
        assertThat(statuses).isEqualTo(EnumSet.allOf(ReportStatus.class));
        assertThat(count("select count(*) from report")).isEqualTo(properties.demo().reportCount());
    }

    @Test
    void seedsConfidentialAnonymousEscalatedAndSupportedReports() {
        assertThat(count("select count(*) from report where confidential")).isPositive();
        assertThat(count("select count(*) from report where anonymous")).isPositive();
        assertThat(count("select count(*) from report where escalation_level > 0")).isPositive();
        assertThat(count("select count(*) from report where rating is not null")).isPositive();
        assertThat(count("select count(*) from report where supporters > 0")).isPositive();
        assertThat(count("select count(*) from report where supporters <> (select count(*) from report_support s where s.report_id = report.id)")).isZero();
        assertThat(count("select count(*) from report where confidential and supporters > 0")).isZero();
        assertThat(count("select count(*) from report where submitted_at < ?", StillClock.NOW.minusSeconds(90L * 86_400))).isPositive();
    }

    @Test
    void attachesGeneratedPhotosThatAreStored() throws Exception {
        assertThat(seeder.photos().get(60, java.util.concurrent.TimeUnit.SECONDS)).isPositive();
        List<String> keys = jdbc.sql("select storage_key from report_photo union all select thumb_key from report_photo").query(String.class).list();
        assertThat(keys).isNotEmpty().allMatch(storage::exists);
    }

    @Test
    void timelinesStartWithTheSubmissionAndFollowEveryStatusChange() {
        List<Long> ids = jdbc.sql("select id from report").query(Long.class).list();
        Set<String> people = Set.of("warga", "sistem");
        for (long id : ids) {
            var report = jdbc.sql("select status, submitted_at from report where id = ?").param(id)
                    .query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()}).single();
            List<Object[]> events = jdbc.sql("select action, from_status, to_status, at, actor from report_event where report_id = ? order by at, id")
                    .param(id).query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)}).list();
            assertThat(events).as("timeline of report %d", id).isNotEmpty();
            assertThat(events.get(0)[0]).isEqualTo("SUBMITTED");
            assertThat(events.get(0)[3]).isEqualTo(report[1]);
            String status = "RECEIVED";
            List<String> actors = new ArrayList<>();
            for (Object[] e : events) {
                if (e[1] != null) assertThat(e[1]).as("report %d %s", id, e[0]).isEqualTo(status);
                status = (String) e[2];
                assertThat((Instant) e[3]).isBeforeOrEqualTo(StillClock.NOW);
                if (!people.contains((String) e[4])) actors.add((String) e[4]);
            }
            assertThat(status).as("report %d ends in its status", id).isEqualTo(report[0]);
            assertThat(actors).allMatch(name -> staff.byUsername(name).isPresent());
        }
    }

    @Test
    void leavesNothingOverdueForTheSlaJob() {
        SlaEnforcer.Result result = slaEnforcer.run();
        assertThat(result.escalated()).isZero();
        assertThat(result.autoClosed()).isZero();
    }

    @Test
    void seedsNothingTheSecondTime() {
        long reports = count("select count(*) from report");
        long regionCount = count("select count(*) from region");
        long accounts = staff.count();
        assertThat(seeder.seedIfEmpty()).isFalse();
        assertThat(count("select count(*) from report")).isEqualTo(reports);
        assertThat(count("select count(*) from region")).isEqualTo(regionCount);
        assertThat(staff.count()).isEqualTo(accounts);
    }

    private StaffRole role(String username) {
        return staff.byUsername(username).orElseThrow().role();
    }

    private long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) spec = spec.param(p instanceof Instant i ? i.atOffset(java.time.ZoneOffset.UTC) : p);
        return spec.query(Long.class).single();
    }

    /** Ray casting over a [[lat, lon], …] ring. */
    private static boolean contains(List<double[]> ring, double lat, double lon) {
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double[] a = ring.get(i), b = ring.get(j);
            if ((a[0] > lat) != (b[0] > lat) && lon < (b[1] - a[1]) * (lat - a[0]) / (b[0] - a[0]) + a[1]) inside = !inside;
        }
        return inside;
    }
}
