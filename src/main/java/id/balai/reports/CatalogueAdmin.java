package id.balai.reports;

import id.balai.platform.FieldProblem;
import java.util.List;
import java.util.Optional;

/**
 * Setting up what citizens can report: categories with their hashtag, SLA and default OPD, extra
 * questions, routing overrides per kelurahan, and the reply templates staff pick from. Used by the
 * demo city and by the admin pages ({@code /admin/kategori}). Every change is seen at once by the
 * citizen form and by routing.
 *
 * <p>Bad values are refused with {@link Rejected}, which names every problem (field and message key);
 * nothing is stored then. A category or a question edited by somebody else since it was read is
 * refused with {@link Conflict}.
 */
public interface CatalogueAdmin {

    int MAX_SORT_ORDER = 9999;

    /** Creates a category and answers its id. */
    long createCategory(NewCategory category);

    /** What {@link #createCategory} would refuse in these values, storing nothing: a form names every problem at once. */
    List<FieldProblem> checkNewCategory(NewCategory category);

    /** What {@link #updateCategory} would refuse in these values (not a version conflict), storing nothing. */
    List<FieldProblem> checkCategoryChange(long id, CategoryChange change);

    /**
     * Every category, active or not, in form order, with its questions and routing rules. For the admin
     * pages: read from the database, not the cache.
     */
    List<CategorySettings> categories();

    Optional<CategorySettings> category(long id);

    /**
     * Changes a category; its code never changes (reports, links and channels name it). {@code version}
     * is the one the editor read. Deactivating hides it from citizens; its reports stay as they are.
     */
    void updateCategory(long id, int version, CategoryChange change);

    /** Deletes a category that no report uses, with its questions and routing rules. */
    void deleteCategory(long id);

    void addQuestion(long categoryId, NewQuestion question);

    /**
     * Changes the question with {@code question.code()} (codes never change: answers are stored by code).
     * {@code version} is the one the editor read ({@link NewQuestion#version()}).
     */
    void updateQuestion(long categoryId, int version, NewQuestion question);

    /**
     * Removes a question from the citizen form. Reports keep their answers, still shown under the
     * question's label, and the code is never reused in this category.
     */
    void removeQuestion(long categoryId, String questionCode);

    /** This category in this kelurahan goes to {@code agencyId} instead of the category's default OPD. */
    void addRoutingRule(long categoryId, String kelurahanCode, long agencyId);

    void removeRoutingRule(long categoryId, String kelurahanCode);

    /** A reply template for one OPD, or for everybody when {@code agencyId} is null; answers its id. */
    long addResponseTemplate(Long agencyId, String title, String body);

    /**
     * A category. {@code defaultAgencyId} may be null: such reports wait on the complaint desk to be
     * routed by hand. The three SLA numbers are working days (LAPOR! defaults: 3, 5, 10).
     */
    record NewCategory(String code, String nameId, String nameEn, String hashtag, String icon, Long defaultAgencyId,
            boolean emergency, int verifyDays, int followUpDays, int autoCloseDays, int sortOrder) {}

    /** What an edit may change: everything but the code. */
    record CategoryChange(String nameId, String nameEn, String hashtag, String icon, Long defaultAgencyId,
            boolean emergency, int verifyDays, int followUpDays, int autoCloseDays, int sortOrder, boolean active) {}

    /**
     * An extra question; {@code choices} only for the choice kinds ({@link QuestionKind#hasChoices()}). {@code version} is the stored
     * one when read from {@link #categories()}; adding and updating do not read it.
     */
    record NewQuestion(String code, String labelId, String labelEn, QuestionKind kind, boolean required,
            List<String> choices, int sortOrder, int version) {

        public NewQuestion {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }

        /** A question as typed, not yet stored. */
        public NewQuestion(String code, String labelId, String labelEn, QuestionKind kind, boolean required, List<String> choices,
                int sortOrder) {
            this(code, labelId, labelEn, kind, required, choices, sortOrder, 0);
        }
    }

    /**
     * What a question's answer is: a short text, a longer text, a number, a date and time, one choice, or
     * several choices. The two choice kinds carry their {@code choices}; the others none.
     */
    enum QuestionKind {
        TEXT, LONG_TEXT, NUMBER, DATETIME, CHOICE, MULTI_CHOICE;

        public boolean hasChoices() {
            return this == CHOICE || this == MULTI_CHOICE;
        }
    }

    /** A category as stored, with {@code reports}, the number of reports filed under it. */
    record CategorySettings(long id, String code, String nameId, String nameEn, String hashtag, String icon,
            Long defaultAgencyId, boolean emergency, int verifyDays, int followUpDays, int autoCloseDays, int sortOrder,
            boolean active, int version, long reports, List<NewQuestion> questions, List<RoutingRule> routingRules) {

        public Optional<NewQuestion> question(String code) {
            return questions.stream().filter(q -> q.code().equals(code)).findFirst();
        }
    }

    record RoutingRule(String kelurahanCode, long agencyId) {}

    /** A change refused for bad values; nothing was stored. */
    final class Rejected extends IllegalArgumentException {

        private final transient List<FieldProblem> problems;

        public Rejected(List<FieldProblem> problems) {
            super("catalogue change refused: " + problems);
            this.problems = List.copyOf(problems);
        }

        public List<FieldProblem> problems() {
            return problems;
        }
    }

    /** The category or question was changed by somebody else since the editor read it; nothing was stored. */
    final class Conflict extends RuntimeException {
        public Conflict() {
            super("category or question changed by somebody else");
        }
    }

    /** No such category or question. */
    final class NotFound extends RuntimeException {
        public NotFound() {
            super("no such category or question");
        }
    }
}
