package id.balai.reports.domain;

import static id.balai.reports.domain.StaffAction.*;

import id.balai.identity.StaffPrincipal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what, checked on the server for every action. The complaint desk handles every
 * report; an OPD only what is routed to it; a lurah sees their kelurahan; the leadership reads all.
 */
@Component
public class ReportPolicy {

    private static final Set<StaffAction> DESK = EnumSet.of(VERIFY, REJECT, ROUTE, MERGE, MODERATE, HIDE_PHOTO, NOTE_PUBLIC, NOTE_INTERNAL);
    private static final Set<StaffAction> AGENCY = EnumSet.of(START, HAND_BACK, RESOLVE, NOTE_PUBLIC, NOTE_INTERNAL);
    private static final Set<StaffAction> FIELD = EnumSet.of(START, RESOLVE, NOTE_PUBLIC, NOTE_INTERNAL);
    private static final Set<StaffAction> LURAH = EnumSet.of(NOTE_INTERNAL);

    public boolean canView(StaffPrincipal staff, Report report) {
        return switch (staff.role()) {
            case CITY_ADMIN, COORDINATOR, LEADER -> true;
            case AGENCY_ADMIN, FIELD_OFFICER -> report.agencyId() != null && Objects.equals(report.agencyId(), staff.agencyId());
            case LURAH -> Objects.equals(report.kelurahanCode(), staff.regionCode());
        };
    }

    /** The actions this staff member may take on this report (whatever its status allows). */
    public Set<StaffAction> allowed(StaffPrincipal staff, Report report) {
        if (!canView(staff, report)) return EnumSet.noneOf(StaffAction.class);
        return switch (staff.role()) {
            case CITY_ADMIN -> EnumSet.allOf(StaffAction.class);
            case COORDINATOR -> EnumSet.copyOf(DESK);
            case AGENCY_ADMIN -> EnumSet.copyOf(AGENCY);
            case FIELD_OFFICER -> EnumSet.copyOf(FIELD);
            case LURAH -> EnumSet.copyOf(LURAH);
            case LEADER -> EnumSet.noneOf(StaffAction.class);
        };
    }

    public void check(StaffPrincipal staff, StaffAction action, Report report) {
        if (!allowed(staff, report).contains(action)) throw new AccessDeniedException("not allowed");
    }

    public void checkView(StaffPrincipal staff, Report report) {
        if (!canView(staff, report)) throw new AccessDeniedException("not allowed");
    }

    /** The inbox condition for this staff member, as SQL over the report table. */
    public Scope scope(StaffPrincipal staff) {
        return switch (staff.role()) {
            case CITY_ADMIN, COORDINATOR, LEADER -> new Scope("1 = 1", Map.of());
            case AGENCY_ADMIN, FIELD_OFFICER -> new Scope("agency_id = :scopeAgency", Map.of("scopeAgency", staff.agencyId() == null ? -1L : staff.agencyId()));
            case LURAH -> new Scope("kelurahan_code = :scopeRegion", Map.of("scopeRegion", String.valueOf(staff.regionCode())));
        };
    }

    public record Scope(String sql, Map<String, Object> params) {}
}
