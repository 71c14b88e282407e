package id.balai.reports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What citizens can report, as other channels (the Open311 API, later chat and hashtag intake) offer it:
 * the active categories in form order with their extra questions. Read from the same cache as the
 * citizen form, so a change in the admin pages shows everywhere at once.
 */
public interface ReportCatalogue {

    List<Service> services();

    /** An active category by its code. */
    Optional<Service> service(String code);

    /** A category as a channel shows it; {@code defaultAgencyId} may be null (routed by hand). */
    record Service(String code, String nameId, String nameEn, String hashtag, boolean emergency, Long defaultAgencyId,
            int verifyDays, int followUpDays, List<Field> fields) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameId;
        }
    }

    /** An extra question; {@code order} counts from 1; {@code choices} only for the choice kinds. */
    record Field(String code, String labelId, String labelEn, CatalogueAdmin.QuestionKind kind, boolean required,
            List<String> choices, int order) {

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? labelEn : labelId;
        }
    }
}
