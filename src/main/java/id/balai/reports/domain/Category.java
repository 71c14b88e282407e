package id.balai.reports.domain;

import java.util.List;
import java.util.Locale;

/** A kind of report (banjir, sampah, jalan rusak …) with its hashtag, SLA and default OPD. */
public record Category(long id, String code, String nameId, String nameEn, String hashtag, String icon,
        Long defaultAgencyId, boolean emergency, int verifyDays, int followUpDays, int autoCloseDays,
        List<Question> questions) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameId;
    }

    /** An extra question asked for this category. */
    public record Question(String code, String labelId, String labelEn, Kind kind, boolean required, List<String> choices) {

        public enum Kind { TEXT, LONG_TEXT, NUMBER, DATETIME, CHOICE, MULTI_CHOICE }

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? labelEn : labelId;
        }
    }
}
