package id.balai.reports.domain;

import id.balai.platform.web.PublicContent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Report categories, cached: they change rarely and are read on every form and list. The cache holds
 * inactive categories too, so that the reports filed under one keep working; only {@link #all()} and
 * {@link #byHashtagIn} (what citizens may choose) leave them out, and {@link #inactive()} lists them. Every change calls {@link #changed()}.
 */
@Repository
public class Categories {

    private final JdbcClient jdbc;
    private final PublicContent publicContent;
    private final AtomicLong generation = new AtomicLong();
    private volatile Catalogue cache;

    /**
     * Active categories in form order; the inactive ones in form order; every category by id; the removed
     * questions of each.
     */
    private record Catalogue(List<Category> active, List<Category> inactive, Map<Long, Category> byId,
            Map<Long, List<Category.Question>> retired) {}

    Categories(JdbcClient jdbc, PublicContent publicContent) {
        this.jdbc = jdbc;
        this.publicContent = publicContent;
    }

    /** The active categories, the ones a citizen may choose, in form order. */
    public List<Category> all() {
        return catalogue().active();
    }

    /**
     * The categories citizens may no longer choose, in form order: old reports still carry them, so staff
     * can still filter by them.
     */
    public List<Category> inactive() {
        return catalogue().inactive();
    }

    /** Whether citizens may still choose this category. */
    public boolean isActive(long id) {
        return all().stream().anyMatch(c -> c.id() == id);
    }

    /** Any category, also an inactive one (its reports still need it). */
    public Optional<Category> byId(long id) {
        return Optional.ofNullable(catalogue().byId().get(id));
    }

    /** A category citizens may choose now, by its exact code. */
    public Optional<Category> activeByCode(String code) {
        return catalogue().active().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** Any category by its code, also an inactive one. */
    public Optional<Category> byCode(String code) {
        return catalogue().byId().values().stream().filter(c -> c.code().equalsIgnoreCase(code)).findFirst();
    }

    /** The active category named by a hashtag in free text (e.g. "#banjirastina"), if any. */
    public Optional<Category> byHashtagIn(String text) {
        if (text == null) return Optional.empty();
        String lower = text.toLowerCase();
        return all().stream().filter(c -> lower.contains(c.hashtag().toLowerCase())).findFirst();
    }

    /**
     * Questions removed from a category: answers stored before the removal are still shown under
     * their label.
     */
    public List<Category.Question> retiredQuestions(long categoryId) {
        return catalogue().retired().getOrDefault(categoryId, List.of());
    }

    /**
     * Forgets the cached catalogue now and again when the current transaction ends: a reader that
     * loaded the old rows before the commit must not keep them.
     */
    void changed() {
        forget();
        publicContent.changed(); // names and icons are on the public pages
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    private synchronized void forget() {
        generation.incrementAndGet();
        cache = null;
    }

    private Catalogue catalogue() {
        Catalogue current = cache;
        if (current != null) return current;
        long seen = generation.get();
        current = load();
        synchronized (this) {
            // a change since the load began makes what was loaded possibly old: use it once, do not keep it
            if (generation.get() == seen) cache = current;
        }
        return current;
    }

    public long create(String code, String nameId, String nameEn, String hashtag, String icon, Long agencyId,
            boolean emergency, int verifyDays, int followUpDays, int autoCloseDays, int sortOrder) {
        jdbc.sql("""
                insert into report_category (code, name_id, name_en, hashtag, icon, default_agency_id, emergency,
                    verify_days, followup_days, autoclose_days, sort_order) values (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(code, nameId, nameEn, hashtag, icon, agencyId, emergency, verifyDays, followUpDays, autoCloseDays, sortOrder)
                .update();
        changed();
        return jdbc.sql("select id from report_category where code = ?").param(code).query(Long.class).single();
    }

    public void addQuestion(long categoryId, Category.Question q, int order) {
        jdbc.sql("insert into category_question (category_id, code, label_id, label_en, kind, required, choices, sort_order) values (?,?,?,?,?,?,?,?)")
                .params(categoryId, q.code(), q.labelId(), q.labelEn(), q.kind().name(), q.required(),
                        q.choices().isEmpty() ? null : String.join("|", q.choices()), order)
                .update();
        changed();
    }

    /** Routing override: this category in this kelurahan goes to another OPD than the default. */
    public void addRoutingRule(long categoryId, String kelurahanCode, long agencyId) {
        jdbc.sql("insert into routing_rule (category_id, kelurahan_code, agency_id) values (?,?,?)")
                .params(categoryId, kelurahanCode, agencyId).update();
        changed();
    }

    /** The OPD responsible for a category in a kelurahan: a routing rule, else the category's default. */
    public Optional<Long> responsibleAgency(Category category, String kelurahanCode) {
        Optional<Long> rule = jdbc.sql("select agency_id from routing_rule where category_id = ? and kelurahan_code = ?")
                .params(category.id(), kelurahanCode).query(Long.class).optional();
        return rule.isPresent() ? rule : Optional.ofNullable(category.defaultAgencyId());
    }

    private Catalogue load() {
        Map<Long, List<Category.Question>> questions = new LinkedHashMap<>();
        Map<Long, List<Category.Question>> retired = new LinkedHashMap<>();
        jdbc.sql("select category_id, code, label_id, label_en, kind, required, choices, active from category_question order by category_id, sort_order, id")
                .query(rs -> {
                    String choices = rs.getString("choices");
                    (rs.getBoolean("active") ? questions : retired).computeIfAbsent(rs.getLong("category_id"), k -> new ArrayList<>())
                            .add(new Category.Question(rs.getString("code"), rs.getString("label_id"), rs.getString("label_en"),
                                    Category.Question.Kind.valueOf(rs.getString("kind")), rs.getBoolean("required"),
                                    choices == null ? List.of() : Arrays.asList(choices.split("\\|"))));
                });
        List<Category> active = new ArrayList<>();
        List<Category> inactive = new ArrayList<>();
        Map<Long, Category> byId = new LinkedHashMap<>();
        jdbc.sql("select * from report_category order by sort_order, name_id").query(rs -> {
            long agency = rs.getLong("default_agency_id");
            Long agencyId = rs.wasNull() ? null : agency;
            long id = rs.getLong("id");
            Category category = new Category(id, rs.getString("code"), rs.getString("name_id"), rs.getString("name_en"),
                    rs.getString("hashtag"), rs.getString("icon"), agencyId, rs.getBoolean("emergency"),
                    rs.getInt("verify_days"), rs.getInt("followup_days"), rs.getInt("autoclose_days"),
                    List.copyOf(questions.getOrDefault(id, List.of())));
            byId.put(id, category);
            (rs.getBoolean("active") ? active : inactive).add(category);
        });
        Map<Long, List<Category.Question>> retiredCopy = new LinkedHashMap<>();
        retired.forEach((id, list) -> retiredCopy.put(id, List.copyOf(list)));
        return new Catalogue(List.copyOf(active), List.copyOf(inactive), Map.copyOf(byId), Map.copyOf(retiredCopy));
    }
}
