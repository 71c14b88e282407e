package id.balai.reports.web;

/** A routing rule as typed: this kelurahan goes to that OPD. */
public class RoutingForm {

    private String kelurahanCode = "";
    private String agencyId = "";

    public String getKelurahanCode() { return kelurahanCode; }
    public void setKelurahanCode(String kelurahanCode) { this.kelurahanCode = kelurahanCode; }
    public String getAgencyId() { return agencyId; }
    public void setAgencyId(String agencyId) { this.agencyId = agencyId; }
}
