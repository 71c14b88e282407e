package id.balai.reports.domain;

import id.balai.identity.AdminAudit;
import id.balai.platform.FieldProblem;
import id.balai.organisation.Region;
import id.balai.organisation.RegionLevel;
import id.balai.organisation.Regions;
import id.balai.reports.CatalogueAdmin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The setup API over {@link Categories} and {@link ResponseTemplates}, and the admin pages' reads and
 * edits. Every value is checked here, whoever calls; every change refreshes the category cache and is
 * written to the {@link AdminAudit} trail in its transaction (by the staff member signed in).
 */
@Service
@Transactional
class JdbcCatalogueAdmin implements CatalogueAdmin {

    /** Lowercase letters, digits and hyphens, not at either end: it appears in links ({@code ?kategori=}). */
    private static final Pattern CATEGORY_CODE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");
    /** Channels find the category by this text inside free messages, so it must be one word. */
    private static final Pattern HASHTAG = Pattern.compile("#[A-Za-z0-9_]{2,59}");
    private static final Pattern ICON = Pattern.compile("[a-z0-9-]{1,40}");
    /** Answers are stored under it and it names the form field ({@code answers[code]}). */
    private static final Pattern QUESTION_CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    static final int MAX_VERIFY_DAYS = 30;
    static final int MAX_FOLLOWUP_DAYS = 90;
    static final int MAX_AUTOCLOSE_DAYS = 60;

    private final Categories categories;
    private final ResponseTemplates templates;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final AdminAudit audit;

    JdbcCatalogueAdmin(Categories categories, ResponseTemplates templates, Regions regions, JdbcClient jdbc, AdminAudit audit) {
        this.audit = audit;
        this.categories = categories;
        this.templates = templates;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    // --- categories ----------------------------------------------------------------------------

    @Override
    public List<FieldProblem> checkNewCategory(NewCategory c) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = c.code() == null ? "" : c.code().strip();
        if (!CATEGORY_CODE.matcher(code).matches()) problems.add(new FieldProblem("code", "error.category.code"));
        else if (count("select count(*) from report_category where lower(code) = ?", code) > 0) {
            problems.add(new FieldProblem("code", "error.category.code.taken"));
        }
        checkCategory(null, c, problems);
        return problems;
    }

    @Override
    public long createCategory(NewCategory c) {
        refuseIf(checkNewCategory(c));
        String code = c.code().strip();
        long id;
        try {
            id = categories.create(code, c.nameId().strip(), c.nameEn().strip(), c.hashtag().strip(), c.icon(), c.defaultAgencyId(),
                    c.emergency(), c.verifyDays(), c.followUpDays(), c.autoCloseDays(), c.sortOrder());
        } catch (DataIntegrityViolationException e) {
            throw raceOnUniqueValue();
        }
        audit.record("category.created", String.valueOf(id));
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CategorySettings> categories() {
        Map<Long, List<NewQuestion>> questions = new LinkedHashMap<>();
        jdbc.sql("select * from category_question where active = true order by category_id, sort_order, id").query(rs -> {
            String choices = rs.getString("choices");
            questions.computeIfAbsent(rs.getLong("category_id"), k -> new ArrayList<>()).add(new NewQuestion(rs.getString("code"),
                    rs.getString("label_id"), rs.getString("label_en"), QuestionKind.valueOf(rs.getString("kind")),
                    rs.getBoolean("required"), choices == null ? List.of() : Arrays.asList(choices.split("\\|")), rs.getInt("sort_order"),
                    rs.getInt("version")));
        });
        Map<Long, List<RoutingRule>> rules = new LinkedHashMap<>();
        jdbc.sql("select category_id, kelurahan_code, agency_id from routing_rule order by category_id, kelurahan_code").query(rs -> {
            rules.computeIfAbsent(rs.getLong("category_id"), k -> new ArrayList<>())
                    .add(new RoutingRule(rs.getString("kelurahan_code"), rs.getLong("agency_id")));
        });
        return jdbc.sql("""
                select c.*, (select count(*) from report r where r.category_id = c.id) as reports
                from report_category c order by c.sort_order, c.name_id""")
                .query((rs, i) -> {
                    long id = rs.getLong("id");
                    long agency = rs.getLong("default_agency_id");
                    Long agencyId = rs.wasNull() ? null : agency;
                    return new CategorySettings(id, rs.getString("code"), rs.getString("name_id"), rs.getString("name_en"),
                            rs.getString("hashtag"), rs.getString("icon"), agencyId, rs.getBoolean("emergency"),
                            rs.getInt("verify_days"), rs.getInt("followup_days"), rs.getInt("autoclose_days"), rs.getInt("sort_order"),
                            rs.getBoolean("active"), rs.getInt("version"), rs.getLong("reports"),
                            List.copyOf(questions.getOrDefault(id, List.of())), List.copyOf(rules.getOrDefault(id, List.of())));
                }).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CategorySettings> category(long id) {
        return categories().stream().filter(c -> c.id() == id).findFirst();
    }

    @Override
    public List<FieldProblem> checkCategoryChange(long id, CategoryChange c) {
        CategorySettings current = category(id).orElseThrow(NotFound::new);
        List<FieldProblem> problems = new ArrayList<>();
        checkCategory(id, new NewCategory(current.code(), c.nameId(), c.nameEn(), c.hashtag(), c.icon(), c.defaultAgencyId(),
                c.emergency(), c.verifyDays(), c.followUpDays(), c.autoCloseDays(), c.sortOrder()), problems);
        return problems;
    }

    @Override
    public void updateCategory(long id, int version, CategoryChange c) {
        refuseIf(checkCategoryChange(id, c));
        int updated;
        try {
            updated = jdbc.sql("""
                    update report_category set name_id = ?, name_en = ?, hashtag = ?, icon = ?, default_agency_id = ?, emergency = ?,
                        verify_days = ?, followup_days = ?, autoclose_days = ?, sort_order = ?, active = ?, version = version + 1
                    where id = ? and version = ?""")
                    .params(c.nameId().strip(), c.nameEn().strip(), c.hashtag().strip(), c.icon(), c.defaultAgencyId(), c.emergency(),
                            c.verifyDays(), c.followUpDays(), c.autoCloseDays(), c.sortOrder(), c.active(), id, version)
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw raceOnUniqueValue();
        }
        if (updated == 0) throw new Conflict();
        audit.record("category.changed", String.valueOf(id));
        categories.changed();
    }

    @Override
    public void deleteCategory(long id) {
        CategorySettings current = category(id).orElseThrow(NotFound::new);
        if (current.reports() > 0) throw new Rejected(List.of(new FieldProblem("form", "error.category.in-use")));
        try {
            jdbc.sql("delete from category_question where category_id = ?").param(id).update();
            jdbc.sql("delete from routing_rule where category_id = ?").param(id).update();
            jdbc.sql("delete from report_category where id = ?").param(id).update();
            audit.record("category.deleted", String.valueOf(id));
        } catch (DataIntegrityViolationException e) {
            // a report was filed under it meanwhile
            throw new Rejected(List.of(new FieldProblem("form", "error.category.in-use")));
        } finally {
            categories.changed();
        }
    }

    private void checkCategory(Long id, NewCategory c, List<FieldProblem> problems) {
        text(c.nameId(), 120, "nameId", "error.category.name", problems);
        text(c.nameEn(), 120, "nameEn", "error.category.name", problems);
        String hashtag = c.hashtag() == null ? "" : c.hashtag().strip();
        if (!HASHTAG.matcher(hashtag).matches()) {
            problems.add(new FieldProblem("hashtag", "error.category.hashtag"));
        } else {
            // Free text is matched by "contains": #banjir would also catch #banjirastina.
            String lower = hashtag.toLowerCase(Locale.ROOT);
            jdbc.sql("select id, hashtag from report_category").query(rs -> {
                String other = rs.getString("hashtag").toLowerCase(Locale.ROOT);
                if ((id == null || rs.getLong("id") != id) && (other.contains(lower) || lower.contains(other))
                        && problems.stream().noneMatch(p -> p.field().equals("hashtag"))) {
                    problems.add(new FieldProblem("hashtag", other.equals(lower) ? "error.category.hashtag.taken" : "error.category.hashtag.overlap"));
                }
            });
        }
        if (c.icon() == null || !ICON.matcher(c.icon()).matches()) problems.add(new FieldProblem("icon", "error.category.icon"));
        if (c.defaultAgencyId() != null && regions.agency(c.defaultAgencyId()).isEmpty()) {
            problems.add(new FieldProblem("defaultAgencyId", "error.category.agency"));
        }
        range(c.verifyDays(), 1, MAX_VERIFY_DAYS, "verifyDays", "error.category.verify-days", problems);
        range(c.followUpDays(), 1, MAX_FOLLOWUP_DAYS, "followUpDays", "error.category.followup-days", problems);
        range(c.autoCloseDays(), 1, MAX_AUTOCLOSE_DAYS, "autoCloseDays", "error.category.autoclose-days", problems);
        range(c.sortOrder(), 0, MAX_SORT_ORDER, "sortOrder", "error.sort-order", problems);
    }

    // --- questions -----------------------------------------------------------------------------

    @Override
    public void addQuestion(long categoryId, NewQuestion q) {
        category(categoryId).orElseThrow(NotFound::new);
        List<FieldProblem> problems = new ArrayList<>();
        String code = q.code() == null ? "" : q.code().strip();
        if (!QUESTION_CODE.matcher(code).matches()) problems.add(new FieldProblem("code", "error.question.code"));
        else if (count("select count(*) from category_question where category_id = ? and code = ?", categoryId, code) > 0) {
            // also a removed question's code: its answers are stored under it
            problems.add(new FieldProblem("code", "error.question.code.taken"));
        }
        checkQuestion(q, problems);
        refuseIf(problems);
        try {
            categories.addQuestion(categoryId, question(code, q), q.sortOrder());
        } catch (DataIntegrityViolationException e) {
            throw new Rejected(List.of(new FieldProblem("code", "error.question.code.taken")));
        }
        audit.record("question.added", categoryId + "/" + code);
    }

    @Override
    public void updateQuestion(long categoryId, int version, NewQuestion q) {
        category(categoryId).flatMap(c -> c.question(q.code())).orElseThrow(NotFound::new);
        List<FieldProblem> problems = new ArrayList<>();
        checkQuestion(q, problems);
        refuseIf(problems);
        int updated = jdbc.sql("""
                update category_question set label_id = ?, label_en = ?, kind = ?, required = ?, choices = ?, sort_order = ?,
                    version = version + 1
                where category_id = ? and code = ? and active = true and version = ?""")
                .params(q.labelId().strip(), q.labelEn().strip(), q.kind().name(), q.required(),
                        q.choices().isEmpty() ? null : String.join("|", q.choices()), q.sortOrder(), categoryId, q.code(), version)
                .update();
        if (updated == 0) {
            // removed meanwhile, or edited by somebody else
            if (count("select count(*) from category_question where category_id = ? and code = ? and active = true", categoryId, q.code()) == 0) {
                throw new NotFound();
            }
            throw new Conflict();
        }
        audit.record("question.changed", categoryId + "/" + q.code());
        categories.changed();
    }

    @Override
    public void removeQuestion(long categoryId, String questionCode) {
        int updated = jdbc.sql("update category_question set active = false where category_id = ? and code = ? and active = true")
                .params(categoryId, questionCode).update();
        if (updated == 0) throw new NotFound();
        audit.record("question.removed", categoryId + "/" + questionCode);
        categories.changed();
    }

    private static void checkQuestion(NewQuestion q, List<FieldProblem> problems) {
        text(q.labelId(), 200, "labelId", "error.question.label", problems);
        text(q.labelEn(), 200, "labelEn", "error.question.label", problems);
        if (q.kind() == null) {
            problems.add(new FieldProblem("kind", "error.question.kind"));
        } else if (q.kind().hasChoices() == q.choices().isEmpty()) {
            problems.add(new FieldProblem("choices", q.kind().hasChoices() ? "error.question.choices.required" : "error.question.choices.unwanted"));
        }
        Set<String> seen = new HashSet<>();
        // several choices are stored (and sent by Open311 clients) as one answer separated by commas
        boolean bad = q.choices().stream().anyMatch(choice -> choice == null || choice.isBlank() || choice.contains("|")
                || (q.kind() == QuestionKind.MULTI_CHOICE && choice.contains(","))
                || choice.length() > 100 || !choice.equals(choice.strip()) || !seen.add(choice));
        if (bad || String.join("|", q.choices()).length() > 1000) problems.add(new FieldProblem("choices", "error.question.choices"));
        range(q.sortOrder(), 0, MAX_SORT_ORDER, "sortOrder", "error.sort-order", problems);
    }

    private static Category.Question question(String code, NewQuestion q) {
        return new Category.Question(code, q.labelId().strip(), q.labelEn().strip(), Category.Question.Kind.valueOf(q.kind().name()),
                q.required(), q.choices());
    }

    // --- routing -------------------------------------------------------------------------------

    @Override
    public void addRoutingRule(long categoryId, String kelurahanCode, long agencyId) {
        category(categoryId).orElseThrow(NotFound::new);
        List<FieldProblem> problems = new ArrayList<>();
        boolean kelurahan = kelurahanCode != null
                && regions.find(kelurahanCode).map(Region::level).filter(RegionLevel.KELURAHAN::equals).isPresent();
        if (!kelurahan) {
            problems.add(new FieldProblem("kelurahanCode", "error.routing.kelurahan"));
        } else if (count("select count(*) from routing_rule where category_id = ? and kelurahan_code = ?", categoryId, kelurahanCode) > 0) {
            problems.add(new FieldProblem("kelurahanCode", "error.routing.exists"));
        }
        if (regions.agency(agencyId).isEmpty()) problems.add(new FieldProblem("agencyId", "error.routing.agency"));
        refuseIf(problems);
        try {
            categories.addRoutingRule(categoryId, kelurahanCode, agencyId);
        } catch (DataIntegrityViolationException e) {
            throw new Rejected(List.of(new FieldProblem("kelurahanCode", "error.routing.exists")));
        }
        audit.record("routing.added", categoryId + "/" + kelurahanCode);
    }

    @Override
    public void removeRoutingRule(long categoryId, String kelurahanCode) {
        int removed = jdbc.sql("delete from routing_rule where category_id = ? and kelurahan_code = ?")
                .params(categoryId, kelurahanCode).update();
        if (removed == 0) throw new NotFound();
        audit.record("routing.removed", categoryId + "/" + kelurahanCode);
        categories.changed();
    }

    @Override
    public long addResponseTemplate(Long agencyId, String title, String body) {
        return templates.add(agencyId, title, body);
    }

    // --- helpers -------------------------------------------------------------------------------

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static void text(String value, int max, String field, String key, List<FieldProblem> problems) {
        if (value == null || value.isBlank() || value.strip().length() > max) problems.add(new FieldProblem(field, key));
    }

    private static void range(int value, int min, int max, String field, String key, List<FieldProblem> problems) {
        if (value < min || value > max) problems.add(new FieldProblem(field, key));
    }

    private static void refuseIf(List<FieldProblem> problems) {
        if (!problems.isEmpty()) throw new Rejected(problems);
    }

    /** Another admin took the same code or hashtag between our check and our write. */
    private static Rejected raceOnUniqueValue() {
        return new Rejected(List.of(new FieldProblem("form", "error.category.race")));
    }
}
