package id.balai.reports.web;

import id.balai.platform.FieldProblem;
import id.balai.reports.CatalogueAdmin.CategoryChange;
import id.balai.reports.CatalogueAdmin.CategorySettings;
import id.balai.reports.CatalogueAdmin.NewCategory;
import java.util.List;

/**
 * The category form as typed: numbers stay text, so a form sent back with problems shows exactly what
 * the admin wrote. Unchecked boxes are absent from the request, so booleans default to false.
 */
public class CategoryForm {

    private String code = "";
    private String nameId = "";
    private String nameEn = "";
    private String hashtag = "";
    private String icon = "";
    private String defaultAgencyId = "";
    private boolean emergency;
    private String verifyDays = "";
    private String followUpDays = "";
    private String autoCloseDays = "";
    private String sortOrder = "";
    private boolean active;
    private String version = "";

    /** A new category with the LAPOR! deadlines. */
    static CategoryForm blank() {
        CategoryForm f = new CategoryForm();
        f.verifyDays = "3";
        f.followUpDays = "5";
        f.autoCloseDays = "10";
        f.sortOrder = "0";
        f.active = true;
        return f;
    }

    static CategoryForm of(CategorySettings c) {
        CategoryForm f = new CategoryForm();
        f.code = c.code();
        f.nameId = c.nameId();
        f.nameEn = c.nameEn();
        f.hashtag = c.hashtag();
        f.icon = c.icon();
        f.defaultAgencyId = c.defaultAgencyId() == null ? "" : String.valueOf(c.defaultAgencyId());
        f.emergency = c.emergency();
        f.verifyDays = String.valueOf(c.verifyDays());
        f.followUpDays = String.valueOf(c.followUpDays());
        f.autoCloseDays = String.valueOf(c.autoCloseDays());
        f.sortOrder = String.valueOf(c.sortOrder());
        f.active = c.active();
        f.version = String.valueOf(c.version());
        return f;
    }

    /** The values for a new category; a number that is not one becomes a problem (and a placeholder). */
    NewCategory toNewCategory(List<FieldProblem> problems) {
        CategoryChange c = toChange(problems);
        return new NewCategory(code, c.nameId(), c.nameEn(), c.hashtag(), c.icon(), c.defaultAgencyId(), c.emergency(),
                c.verifyDays(), c.followUpDays(), c.autoCloseDays(), c.sortOrder());
    }

    CategoryChange toChange(List<FieldProblem> problems) {
        Long agency = null;
        if (defaultAgencyId != null && !defaultAgencyId.isBlank()) {
            Integer parsed = number(defaultAgencyId, "defaultAgencyId", "error.category.agency", problems);
            agency = parsed == null ? null : parsed.longValue();
        }
        return new CategoryChange(nameId, nameEn, hashtag, icon, agency, emergency,
                orZero(number(verifyDays, "verifyDays", "error.category.verify-days", problems)),
                orZero(number(followUpDays, "followUpDays", "error.category.followup-days", problems)),
                orZero(number(autoCloseDays, "autoCloseDays", "error.category.autoclose-days", problems)),
                orZero(number(sortOrder, "sortOrder", "error.sort-order", problems)), active);
    }

    /** A whole number typed in a field, or null with a problem for that field. */
    static Integer number(String text, String field, String messageKey, List<FieldProblem> problems) {
        try {
            return Integer.valueOf(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, messageKey));
            return null;
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameId() { return nameId; }
    public void setNameId(String nameId) { this.nameId = nameId; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getHashtag() { return hashtag; }
    public void setHashtag(String hashtag) { this.hashtag = hashtag; }
    public String getIcon() { return icon; }
    public void setIcon(String icon) { this.icon = icon; }
    public String getDefaultAgencyId() { return defaultAgencyId; }
    public void setDefaultAgencyId(String defaultAgencyId) { this.defaultAgencyId = defaultAgencyId; }
    public boolean isEmergency() { return emergency; }
    public void setEmergency(boolean emergency) { this.emergency = emergency; }
    public String getVerifyDays() { return verifyDays; }
    public void setVerifyDays(String verifyDays) { this.verifyDays = verifyDays; }
    public String getFollowUpDays() { return followUpDays; }
    public void setFollowUpDays(String followUpDays) { this.followUpDays = followUpDays; }
    public String getAutoCloseDays() { return autoCloseDays; }
    public void setAutoCloseDays(String autoCloseDays) { this.autoCloseDays = autoCloseDays; }
    public String getSortOrder() { return sortOrder; }
    public void setSortOrder(String sortOrder) { this.sortOrder = sortOrder; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public String getVersion() { return version; }
    public void setVersion(String version) { this.version = version; }
}
