package id.balai.reports.domain;

import static id.balai.reports.domain.StaffAction.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.balai.identity.StaffPrincipal;
import id.balai.identity.StaffRole;
import id.balai.reports.ReportStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.access.AccessDeniedException;

class ReportPolicyTest {

    static final long DPUPR = 7;
    static final long DLH = 8;
    static final String KELURAHAN = "33.74.01.1001";
    static final String OTHER_KELURAHAN = "33.74.01.1002";

    private final ReportPolicy policy = new ReportPolicy();
    /** Routed to DPUPR, in KELURAHAN. */
    private final Report dpuprReport = report(DPUPR, KELURAHAN);
    /** Not yet routed, in KELURAHAN. */
    private final Report unrouted = report(null, KELURAHAN);

    @Test
    void aCityAdminMayDoEverythingOnEveryReport() {
        StaffPrincipal admin = staff(StaffRole.CITY_ADMIN, null, null);

        assertThat(policy.allowed(admin, dpuprReport)).isEqualTo(EnumSet.allOf(StaffAction.class));
        assertThat(policy.allowed(admin, report(DLH, OTHER_KELURAHAN))).isEqualTo(EnumSet.allOf(StaffAction.class));
    }

    @Test
    void theComplaintDeskVerifiesRoutesAndModeratesEveryReportButDoesNotDoTheOpdsWork() {
        StaffPrincipal desk = staff(StaffRole.COORDINATOR, null, null);
        Set<StaffAction> deskActions = EnumSet.of(VERIFY, REJECT, ROUTE, MERGE, MODERATE, HIDE_PHOTO, NOTE_PUBLIC, NOTE_INTERNAL);

        assertThat(policy.allowed(desk, dpuprReport)).isEqualTo(deskActions);
        assertThat(policy.allowed(desk, unrouted)).isEqualTo(deskActions);
        assertThat(policy.allowed(desk, report(DLH, OTHER_KELURAHAN))).isEqualTo(deskActions);
        assertThat(policy.allowed(desk, dpuprReport)).doesNotContain(START, HAND_BACK, RESOLVE);
    }

    @Test
    void anOpdAdminWorksOnItsOwnReportsOnly() {
        StaffPrincipal dpupr = staff(StaffRole.AGENCY_ADMIN, DPUPR, null);

        assertThat(policy.canView(dpupr, dpuprReport)).isTrue();
        assertThat(policy.allowed(dpupr, dpuprReport)).isEqualTo(EnumSet.of(START, HAND_BACK, RESOLVE, NOTE_PUBLIC, NOTE_INTERNAL));
        assertThat(policy.canView(staff(StaffRole.AGENCY_ADMIN, DLH, null), dpuprReport)).as("another OPD").isFalse();
        assertThat(policy.allowed(staff(StaffRole.AGENCY_ADMIN, DLH, null), dpuprReport)).isEmpty();
        assertThat(policy.allowed(dpupr, unrouted)).as("not routed to anybody yet").isEmpty();
        assertThat(policy.allowed(staff(StaffRole.AGENCY_ADMIN, null, null), unrouted)).as("an OPD account without agency").isEmpty();
    }

    @Test
    void aFieldOfficerWorksOnTheAgencysReportsButCannotHandThemBack() {
        StaffPrincipal officer = staff(StaffRole.FIELD_OFFICER, DPUPR, null);

        assertThat(policy.allowed(officer, dpuprReport)).isEqualTo(EnumSet.of(START, RESOLVE, NOTE_PUBLIC, NOTE_INTERNAL));
        assertThat(policy.allowed(staff(StaffRole.FIELD_OFFICER, DLH, null), dpuprReport)).isEmpty();
        assertThat(policy.allowed(officer, unrouted)).isEmpty();
    }

    @Test
    void aLurahSeesTheirKelurahanAndMayOnlyLeaveInternalNotes() {
        StaffPrincipal lurah = staff(StaffRole.LURAH, null, KELURAHAN);

        assertThat(policy.canView(lurah, dpuprReport)).isTrue();
        assertThat(policy.canView(lurah, unrouted)).isTrue();
        assertThat(policy.allowed(lurah, dpuprReport)).containsExactly(NOTE_INTERNAL);
        assertThat(policy.allowed(lurah, unrouted)).containsExactly(NOTE_INTERNAL);
        Report elsewhere = report(DPUPR, OTHER_KELURAHAN);
        assertThat(policy.canView(lurah, elsewhere)).isFalse();
        assertThat(policy.allowed(lurah, elsewhere)).isEmpty();
        assertThat(policy.canView(staff(StaffRole.LURAH, null, null), dpuprReport)).as("a lurah account without kelurahan").isFalse();
    }

    @Test
    void theLeadershipReadsEverythingAndChangesNothing() {
        StaffPrincipal leader = staff(StaffRole.LEADER, null, null);

        assertThat(policy.canView(leader, dpuprReport)).isTrue();
        assertThat(policy.canView(leader, unrouted)).isTrue();
        assertThat(policy.allowed(leader, dpuprReport)).isEmpty();
        assertThatThrownBy(() -> policy.check(leader, NOTE_INTERNAL, dpuprReport)).isInstanceOf(AccessDeniedException.class);
        assertThatCode(() -> policy.checkView(leader, dpuprReport)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(StaffRole.class)
    void checkAgreesWithAllowedForEveryRoleAndAction(StaffRole role) {
        for (Report report : new Report[] {dpuprReport, unrouted, report(DLH, OTHER_KELURAHAN)}) {
            StaffPrincipal staff = staff(role, DPUPR, KELURAHAN);
            Set<StaffAction> allowed = policy.allowed(staff, report);
            for (StaffAction action : StaffAction.values()) {
                if (allowed.contains(action)) {
                    assertThatCode(() -> policy.check(staff, action, report)).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> policy.check(staff, action, report)).as("%s %s", role, action)
                            .isInstanceOf(AccessDeniedException.class);
                }
            }
            if (policy.canView(staff, report)) {
                assertThatCode(() -> policy.checkView(staff, report)).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> policy.checkView(staff, report)).isInstanceOf(AccessDeniedException.class);
                assertThat(allowed).as("who cannot see cannot act").isEmpty();
            }
        }
    }

    @Test
    void theInboxScopeIsAnSqlConditionPerRole() {
        assertThat(policy.scope(staff(StaffRole.CITY_ADMIN, null, null))).isEqualTo(new ReportPolicy.Scope("1 = 1", Map.of()));
        assertThat(policy.scope(staff(StaffRole.COORDINATOR, null, null)).sql()).isEqualTo("1 = 1");
        assertThat(policy.scope(staff(StaffRole.LEADER, null, null)).sql()).isEqualTo("1 = 1");
        assertThat(policy.scope(staff(StaffRole.AGENCY_ADMIN, DPUPR, null)))
                .isEqualTo(new ReportPolicy.Scope("agency_id = :scopeAgency", Map.of("scopeAgency", DPUPR)));
        assertThat(policy.scope(staff(StaffRole.FIELD_OFFICER, null, null)).params())
                .as("no agency matches nothing").isEqualTo(Map.of("scopeAgency", -1L));
        assertThat(policy.scope(staff(StaffRole.LURAH, null, KELURAHAN)))
                .isEqualTo(new ReportPolicy.Scope("kelurahan_code = :scopeRegion", Map.of("scopeRegion", KELURAHAN)));
    }

    static StaffPrincipal staff(StaffRole role, Long agencyId, String regionCode) {
        return new StaffPrincipal(1, "u-" + role.name().toLowerCase(), "Staf", null, role, agencyId, regionCode, false, null, true, 0);
    }

    static Report report(Long agencyId, String kelurahan) {
        Report r = new Report();
        r.id = 1L;
        r.trackingCode = "K7MQ-3P9X";
        r.agencyId = agencyId;
        r.kelurahanCode = kelurahan;
        r.status = agencyId == null ? ReportStatus.VERIFIED : ReportStatus.ROUTED;
        return r;
    }
}
