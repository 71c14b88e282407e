package id.balai.reports;

import java.util.List;

/**
 * Setting up what citizens can report: categories with their hashtag, SLA and default OPD, extra
 * questions, routing overrides per kelurahan, and the reply templates staff pick from. Used by the
 * demo city now and by the admin pages later.
 */
public interface CatalogueAdmin {

    /** Creates a category and answers its id. */
    long createCategory(NewCategory category);

    void addQuestion(long categoryId, NewQuestion question);

    /** This category in this kelurahan goes to {@code agencyId} instead of the category's default OPD. */
    void addRoutingRule(long categoryId, String kelurahanCode, long agencyId);

    /** A reply template for one OPD, or for everybody when {@code agencyId} is null; answers its id. */
    long addResponseTemplate(Long agencyId, String title, String body);

    /**
     * A category. {@code defaultAgencyId} may be null: such reports wait on the complaint desk to be
     * routed by hand. The three SLA numbers are working days (LAPOR! defaults: 3, 5, 10).
     */
    record NewCategory(String code, String nameId, String nameEn, String hashtag, String icon, Long defaultAgencyId,
            boolean emergency, int verifyDays, int followUpDays, int autoCloseDays, int sortOrder) {}

    /** An extra question; {@code choices} only for {@link QuestionKind#CHOICE}. */
    record NewQuestion(String code, String labelId, String labelEn, QuestionKind kind, boolean required,
            List<String> choices, int sortOrder) {

        public NewQuestion {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    enum QuestionKind { TEXT, NUMBER, CHOICE }
}
