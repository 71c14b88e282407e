package id.balai.reports.domain;

import id.balai.identity.StaffPrincipal;
import id.balai.identity.StaffRole;

/** Who made a change: a staff member, the citizen who reported, or the system (jobs). */
public record Actor(String name, String role, StaffPrincipal staff) {

    public static final Actor CITIZEN = new Actor("warga", "CITIZEN", null);
    public static final Actor SYSTEM = new Actor("sistem", "SYSTEM", null);

    public static Actor of(StaffPrincipal staff) {
        return new Actor(staff.username(), staff.role().name(), staff);
    }

    public boolean is(StaffRole role) {
        return staff != null && staff.role() == role;
    }
}
