package id.balai.identity;

/** What a staff member is: decides what they see and may do. */
public enum StaffRole {
    /** Runs the installation: everything, including accounts and settings. */
    CITY_ADMIN,
    /** Admin koordinator: the city's complaint desk; verifies, routes and moderates every report. */
    COORDINATOR,
    /** Admin OPD: an agency's desk; handles what is routed to the agency. */
    AGENCY_ADMIN,
    /** Petugas lapangan: a field officer of an agency; works and resolves the agency's reports. */
    FIELD_OFFICER,
    /** Lurah: sees the reports of their kelurahan and leaves internal notes. */
    LURAH,
    /** Pimpinan (wali kota, sekda, kepala dinas): reads everything, changes nothing. */
    LEADER;

    public String authority() {
        return "ROLE_" + name();
    }
}
