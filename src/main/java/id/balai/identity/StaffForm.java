package id.balai.identity;

import id.balai.platform.FieldProblem;
import java.util.List;

/**
 * The staff account form as typed. The password is never sent back to the browser, not even with a
 * form that has problems.
 */
public class StaffForm {

    private String username = "";
    private String fullName = "";
    private String email = "";
    private String role = "";
    private String agencyId = "";
    private String regionCode = "";
    private boolean agencyHead;
    private String password = "";
    private String version = "";

    static StaffForm of(StaffAccounts.Editable editable) {
        StaffForm f = of(editable.account());
        f.version = String.valueOf(editable.version());
        return f;
    }

    private static StaffForm of(StaffPrincipal s) {
        StaffForm f = new StaffForm();
        f.username = s.username();
        f.fullName = s.fullName();
        f.email = s.email() == null ? "" : s.email();
        f.role = s.role().name();
        f.agencyId = s.agencyId() == null ? "" : String.valueOf(s.agencyId());
        f.regionCode = s.regionCode() == null ? "" : s.regionCode();
        f.agencyHead = s.agencyHead();
        return f;
    }

    /** The version the edit form was read at, or null with a problem when it is missing or not a number. */
    Integer version(List<FieldProblem> problems) {
        try {
            return Integer.valueOf(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("form", "error.staff.version"));
            return null;
        }
    }

    /** The profile typed; a role or agency that is not one becomes a problem. */
    StaffAccounts.Profile toProfile(List<FieldProblem> problems) {
        StaffRole parsedRole = null;
        try {
            parsedRole = StaffRole.valueOf(role == null ? "" : role);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("role", "error.staff.role"));
        }
        Long agency = null;
        if (agencyId != null && !agencyId.isBlank()) {
            try {
                agency = Long.valueOf(agencyId.strip());
            } catch (NumberFormatException e) {
                agency = -1L; // no such agency: reported by the check for OPD roles, ignored for the others
            }
        }
        return new StaffAccounts.Profile(fullName, email, parsedRole, agency, regionCode, agencyHead);
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getAgencyId() { return agencyId; }
    public void setAgencyId(String agencyId) { this.agencyId = agencyId; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
    public boolean isAgencyHead() { return agencyHead; }
    public void setAgencyHead(boolean agencyHead) { this.agencyHead = agencyHead; }
    public String getVersion() { return version; }
    public void setVersion(String version) { this.version = version; }
    /** Write-only for the page: the template never reads it back. */
    String password() { return password; }
    public void setPassword(String password) { this.password = password; }
}
