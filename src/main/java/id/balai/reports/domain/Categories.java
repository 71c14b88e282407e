package id.balai.reports.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Report categories, cached: they change rarely and are read on every form and list. */
@Repository
public class Categories {

    private final JdbcClient jdbc;
    private volatile List<Category> cache;

    Categories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Category> all() {
        List<Category> current = cache;
        if (current == null) {
            current = load();
            cache = current;
        }
        return current;
    }

    public Optional<Category> byId(long id) {
        return all().stream().filter(c -> c.id() == id).findFirst();
    }

    public Optional<Category> byCode(String code) {
        return all().stream().filter(c -> c.code().equalsIgnoreCase(code)).findFirst();
    }

    /** The category named by a hashtag in free text (e.g. "#banjirastina"), if any. */
    public Optional<Category> byHashtagIn(String text) {
        if (text == null) return Optional.empty();
        String lower = text.toLowerCase();
        return all().stream().filter(c -> lower.contains(c.hashtag().toLowerCase())).findFirst();
    }

    public long create(String code, String nameId, String nameEn, String hashtag, String icon, Long agencyId,
            boolean emergency, int verifyDays, int followUpDays, int autoCloseDays, int sortOrder) {
        jdbc.sql("""
                insert into report_category (code, name_id, name_en, hashtag, icon, default_agency_id, emergency,
                    verify_days, followup_days, autoclose_days, sort_order) values (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(code, nameId, nameEn, hashtag, icon, agencyId, emergency, verifyDays, followUpDays, autoCloseDays, sortOrder)
                .update();
        cache = null;
        return jdbc.sql("select id from report_category where code = ?").param(code).query(Long.class).single();
    }

    public void addQuestion(long categoryId, Category.Question q, int order) {
        jdbc.sql("insert into category_question (category_id, code, label_id, label_en, kind, required, choices, sort_order) values (?,?,?,?,?,?,?,?)")
                .params(categoryId, q.code(), q.labelId(), q.labelEn(), q.kind().name(), q.required(),
                        q.choices().isEmpty() ? null : String.join("|", q.choices()), order)
                .update();
        cache = null;
    }

    /** Routing override: this category in this kelurahan goes to another OPD than the default. */
    public void addRoutingRule(long categoryId, String kelurahanCode, long agencyId) {
        jdbc.sql("insert into routing_rule (category_id, kelurahan_code, agency_id) values (?,?,?)")
                .params(categoryId, kelurahanCode, agencyId).update();
    }

    /** The OPD responsible for a category in a kelurahan: a routing rule, else the category's default. */
    public Optional<Long> responsibleAgency(Category category, String kelurahanCode) {
        Optional<Long> rule = jdbc.sql("select agency_id from routing_rule where category_id = ? and kelurahan_code = ?")
                .params(category.id(), kelurahanCode).query(Long.class).optional();
        return rule.isPresent() ? rule : Optional.ofNullable(category.defaultAgencyId());
    }

    private List<Category> load() {
        Map<Long, List<Category.Question>> questions = new LinkedHashMap<>();
        jdbc.sql("select category_id, code, label_id, label_en, kind, required, choices from category_question order by category_id, sort_order, id")
                .query(rs -> {
                    String choices = rs.getString("choices");
                    questions.computeIfAbsent(rs.getLong("category_id"), k -> new ArrayList<>()).add(new Category.Question(
                            rs.getString("code"), rs.getString("label_id"), rs.getString("label_en"),
                            Category.Question.Kind.valueOf(rs.getString("kind")), rs.getBoolean("required"),
                            choices == null ? List.of() : Arrays.asList(choices.split("\\|"))));
                });
        return jdbc.sql("select * from report_category where active = true order by sort_order, name_id")
                .query((rs, i) -> {
                    long agency = rs.getLong("default_agency_id");
                    Long agencyId = rs.wasNull() ? null : agency;
                    long id = rs.getLong("id");
                    return new Category(id, rs.getString("code"), rs.getString("name_id"), rs.getString("name_en"),
                            rs.getString("hashtag"), rs.getString("icon"), agencyId, rs.getBoolean("emergency"),
                            rs.getInt("verify_days"), rs.getInt("followup_days"), rs.getInt("autoclose_days"),
                            List.copyOf(questions.getOrDefault(id, List.of())));
                }).list();
    }
}
