package id.balai.reports.domain;

import id.balai.support.RecordedAudit;
import id.balai.platform.FieldProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.balai.organisation.Agency;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Region;
import id.balai.organisation.RegionLevel;
import id.balai.organisation.Regions;
import id.balai.reports.CatalogueAdmin;
import id.balai.reports.CatalogueAdmin.CategoryChange;
import id.balai.reports.CatalogueAdmin.CategorySettings;
import id.balai.reports.CatalogueAdmin.NewCategory;
import id.balai.reports.CatalogueAdmin.NewQuestion;
import id.balai.reports.CatalogueAdmin.QuestionKind;
import id.balai.reports.ReportStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalogue admin's SQL (V6: category versions, removed questions), written once and run on H2 and
 * on PostgreSQL by the subclasses. The category cache is read after every change.
 */
abstract class CatalogueAdminContract extends ReportsDatabaseFixture {

    JdbcCatalogueAdmin admin;
    RecordedAudit audit;

    @BeforeEach
    void admin() {
        audit = new RecordedAudit();
        admin = new JdbcCatalogueAdmin(categories, new ResponseTemplates(jdbc, audit), new TwoAgenciesTwoKelurahan(), jdbc, audit);
    }

    @Test
    void aCategoryIsCreatedEditedWithAVersionCheckAndDeactivatedWithoutLosingItsReports() {
        long id = admin.createCategory(new NewCategory("pohon-tumbang", "Pohon tumbang", "Fallen tree", "#pohonastina", "tree",
                AGENCY_DPUPR, false, 3, 5, 10, 7));
        assertThat(categories.all()).extracting(Category::code).contains("pohon-tumbang");
        CategorySettings created = admin.category(id).orElseThrow();
        assertThat(created).extracting(CategorySettings::version, CategorySettings::active, CategorySettings::reports, CategorySettings::sortOrder)
                .containsExactly(0, true, 0L, 7);
        Report report = inStatus(ReportStatus.ROUTED, categories.byId(id).orElseThrow(), KELURAHAN_A, NOW, false);

        admin.updateCategory(id, 0, change("Pohon roboh", "#pohonrobohastina", false));
        CategorySettings edited = admin.category(id).orElseThrow();
        assertThat(edited).extracting(CategorySettings::nameId, CategorySettings::hashtag, CategorySettings::version,
                CategorySettings::active, CategorySettings::reports, CategorySettings::code)
                .containsExactly("Pohon roboh", "#pohonrobohastina", 1, false, 1L, "pohon-tumbang");
        assertThat(categories.all()).extracting(Category::id).doesNotContain(id);
        assertThat(categories.byId(id)).get().extracting(Category::nameId).isEqualTo("Pohon roboh");
        assertThat(reports.byId(report.id()).orElseThrow().categoryId()).isEqualTo(id);

        // a second editor who read version 0 is refused, and nothing changes
        assertThatThrownBy(() -> admin.updateCategory(id, 0, change("Lain", "#lainastina", true))).isInstanceOf(CatalogueAdmin.Conflict.class);
        assertThat(admin.category(id).orElseThrow().nameId()).isEqualTo("Pohon roboh");
        // never deleted while it has reports
        assertThatThrownBy(() -> admin.deleteCategory(id)).isInstanceOf(CatalogueAdmin.Rejected.class);
        assertThat(admin.categories()).extracting(CategorySettings::id).contains(id);
        // what was done is in the audit trail; what was refused is not
        assertThat(audit.recorded()).containsExactly("category.created " + id, "category.changed " + id);
    }

    @Test
    void codesAndHashtagsAreCheckedAgainstEveryOtherCategory() {
        assertThat(problems(() -> admin.createCategory(new NewCategory("jalan", "J", "J", "#JalanRusak", "road", null, false, 3, 5, 10, 0))))
                .containsExactly(new FieldProblem("code", "error.category.code.taken"), new FieldProblem("hashtag", "error.category.hashtag.taken"));
        assertThat(problems(() -> admin.createCategory(new NewCategory("Jalan Besar", "", "J", "#jalan", "road", 999L, false, 0, 91, 61, 10_000))))
                .extracting(FieldProblem::messageKey).containsExactly("error.category.code", "error.category.name",
                        "error.category.hashtag.overlap", "error.category.agency", "error.category.verify-days",
                        "error.category.followup-days", "error.category.autoclose-days", "error.sort-order");
        assertThat(problems(() -> admin.updateCategory(roads.id(), 0, change("Jalan", "#sampah", true))))
                .containsExactly(new FieldProblem("hashtag", "error.category.hashtag.taken"));
        // its own hashtag is fine
        admin.updateCategory(roads.id(), 0, change("Jalan", "#jalanrusak", true));
        assertThat(admin.categories()).hasSize(2);
    }

    @Test
    void aRemovedQuestionLeavesTheFormButKeepsItsLabelForStoredAnswersAndItsCode() {
        long id = roads.id();
        admin.addQuestion(id, new NewQuestion("ukuran", "Ukuran", "Size", QuestionKind.CHOICE, true, List.of("Kecil", "Besar"), 20));
        admin.addQuestion(id, new NewQuestion("dalam", "Kedalaman", "Depth", QuestionKind.NUMBER, false, List.of(), 10));
        assertThat(categories.byId(id).orElseThrow().questions()).extracting(Category.Question::code).containsExactly("dalam", "ukuran");
        Report report = submit(categories.byId(id).orElseThrow(), KELURAHAN_A, -6.99, 110.42, NOW, false);
        reports.saveAnswers(report.id(), Map.of("ukuran", "Besar"));

        int read = admin.category(id).orElseThrow().question("ukuran").orElseThrow().version();
        admin.updateQuestion(id, read, new NewQuestion("ukuran", "Ukuran lubang", "Size of the hole", QuestionKind.TEXT, false, List.of(), 5));
        assertThat(admin.category(id).orElseThrow().question("ukuran").orElseThrow().version()).isEqualTo(read + 1);
        // a second editor who read the old version is refused, and nothing changes
        assertThatThrownBy(() -> admin.updateQuestion(id, read, new NewQuestion("ukuran", "Lain", "Other", QuestionKind.NUMBER, true, List.of(), 1)))
                .isInstanceOf(CatalogueAdmin.Conflict.class);
        assertThat(admin.category(id).orElseThrow().question("ukuran").orElseThrow())
                .extracting(NewQuestion::labelId, NewQuestion::kind, NewQuestion::sortOrder).containsExactly("Ukuran lubang", QuestionKind.TEXT, 5);
        assertThat(categories.byId(id).orElseThrow().questions()).extracting(Category.Question::code).containsExactly("ukuran", "dalam");
        assertThat(categories.byId(id).orElseThrow().questions().get(0))
                .extracting(Category.Question::labelId, Category.Question::kind, Category.Question::required)
                .containsExactly("Ukuran lubang", Category.Question.Kind.TEXT, false);

        admin.removeQuestion(id, "ukuran");
        assertThat(categories.byId(id).orElseThrow().questions()).extracting(Category.Question::code).containsExactly("dalam");
        assertThat(categories.retiredQuestions(id)).extracting(Category.Question::labelId).containsExactly("Ukuran lubang");
        assertThat(reports.answers(report.id())).containsEntry("ukuran", "Besar");
        assertThat(admin.category(id).orElseThrow().questions()).extracting(NewQuestion::code).containsExactly("dalam");
        assertThat(problems(() -> admin.addQuestion(id, new NewQuestion("ukuran", "U", "S", QuestionKind.TEXT, false, List.of(), 1))))
                .containsExactly(new FieldProblem("code", "error.question.code.taken"));
        assertThatThrownBy(() -> admin.removeQuestion(id, "ukuran")).isInstanceOf(CatalogueAdmin.NotFound.class);
        assertThatThrownBy(() -> admin.updateQuestion(id, read + 1, new NewQuestion("ukuran", "U", "S", QuestionKind.TEXT, false, List.of(), 1)))
                .isInstanceOf(CatalogueAdmin.NotFound.class);
        assertThat(audit.recorded()).containsExactly("question.added " + id + "/ukuran", "question.added " + id + "/dalam",
                "question.changed " + id + "/ukuran", "question.removed " + id + "/ukuran");
    }

    @Test
    void routingRulesOverrideTheDefaultAgencyUntilRemoved() {
        assertThat(categories.responsibleAgency(roads, KELURAHAN_A)).contains(AGENCY_DPUPR);
        admin.addRoutingRule(roads.id(), KELURAHAN_A, AGENCY_DLH);
        assertThat(categories.responsibleAgency(roads, KELURAHAN_A)).contains(AGENCY_DLH);
        assertThat(categories.responsibleAgency(roads, KELURAHAN_B)).contains(AGENCY_DPUPR);
        assertThat(problems(() -> admin.addRoutingRule(roads.id(), KELURAHAN_A, AGENCY_DPUPR)))
                .containsExactly(new FieldProblem("kelurahanCode", "error.routing.exists"));
        assertThat(problems(() -> admin.addRoutingRule(roads.id(), "33.74.01", 99)))
                .containsExactly(new FieldProblem("kelurahanCode", "error.routing.kelurahan"), new FieldProblem("agencyId", "error.routing.agency"));
        assertThat(admin.category(roads.id()).orElseThrow().routingRules())
                .containsExactly(new CatalogueAdmin.RoutingRule(KELURAHAN_A, AGENCY_DLH));
        admin.removeRoutingRule(roads.id(), KELURAHAN_A);
        assertThat(categories.responsibleAgency(roads, KELURAHAN_A)).contains(AGENCY_DPUPR);
        assertThatThrownBy(() -> admin.removeRoutingRule(roads.id(), KELURAHAN_A)).isInstanceOf(CatalogueAdmin.NotFound.class);
    }

    @Test
    void aCategoryWithoutReportsIsDeletedWithItsQuestionsAndRules() {
        admin.addQuestion(rubbish.id(), new NewQuestion("bau", "Berbau?", "Smelly?", QuestionKind.CHOICE, false, List.of("Ya", "Tidak"), 1));
        admin.addRoutingRule(rubbish.id(), KELURAHAN_B, AGENCY_DLH);
        admin.deleteCategory(rubbish.id());
        assertThat(categories.byId(rubbish.id())).isEmpty();
        assertThat(admin.categories()).extracting(CategorySettings::code).containsExactly("JALAN");
        assertThat(jdbc.sql("select count(*) from category_question").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from routing_rule").query(Long.class).single()).isZero();
    }

    private static CategoryChange change(String nameId, String hashtag, boolean active) {
        return new CategoryChange(nameId, nameId, hashtag, "tree", AGENCY_DLH, false, 2, 4, 8, 7, active);
    }

    private static List<FieldProblem> problems(Runnable change) {
        try {
            change.run();
        } catch (CatalogueAdmin.Rejected e) {
            return e.problems();
        }
        throw new AssertionError("the change was not refused");
    }

    /** The places and agencies of the fixture: DPUPR and DLH; kelurahan A and B. */
    private static final class TwoAgenciesTwoKelurahan implements Regions {
        private static final List<Agency> AGENCIES = List.of(new Agency(AGENCY_DPUPR, "DPUPR", "DPUPR", "Pekerjaan Umum"),
                new Agency(AGENCY_DLH, "DLH", "DLH", "Lingkungan Hidup"));
        private static final List<Region> KELURAHANS = List.of(
                new Region(KELURAHAN_A, "A", RegionLevel.KELURAHAN, "33.74.01", "a"),
                new Region(KELURAHAN_B, "B", RegionLevel.KELURAHAN, "33.74.01", "b"),
                new Region("33.74.01", "Kecamatan", RegionLevel.KECAMATAN, "33.74", "kec"));

        @Override public Optional<Region> kelurahanAt(GeoPoint point) { return Optional.empty(); }
        @Override public Optional<Region> find(String code) { return KELURAHANS.stream().filter(r -> r.code().equals(code)).findFirst(); }
        @Override public List<Region> kelurahans() { return KELURAHANS.subList(0, 2); }
        @Override public Map<String, List<double[]>> kelurahanBoundaries() { return Map.of(); }
        @Override public Optional<GeoPoint> centreOf(String kelurahanCode) { return Optional.empty(); }
        @Override public GeoPoint centre() { return null; }
        @Override public List<Agency> agencies() { return AGENCIES; }
        @Override public Optional<Agency> agency(long id) { return AGENCIES.stream().filter(a -> a.id() == id).findFirst(); }
        @Override public Optional<Agency> agencyByCode(String code) { return AGENCIES.stream().filter(a -> a.code().equals(code)).findFirst(); }
        @Override public void refresh() {}
    }
}
