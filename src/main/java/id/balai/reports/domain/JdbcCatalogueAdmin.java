package id.balai.reports.domain;

import id.balai.reports.CatalogueAdmin;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public setup API over {@link Categories} and {@link ResponseTemplates}. */
@Service
@Transactional
class JdbcCatalogueAdmin implements CatalogueAdmin {

    private final Categories categories;
    private final ResponseTemplates templates;

    JdbcCatalogueAdmin(Categories categories, ResponseTemplates templates) {
        this.categories = categories;
        this.templates = templates;
    }

    @Override
    public long createCategory(NewCategory c) {
        if (c.hashtag() == null || !c.hashtag().matches("#[A-Za-z0-9_]{2,59}")) {
            // Channels find the category by this text inside free messages, so it must be one word.
            throw new IllegalArgumentException("hashtag must be one word like #banjirastina");
        }
        if (c.verifyDays() < 0 || c.followUpDays() < 0 || c.autoCloseDays() < 0) throw new IllegalArgumentException("SLA days must not be negative");
        return categories.create(c.code(), c.nameId(), c.nameEn(), c.hashtag(), c.icon(), c.defaultAgencyId(), c.emergency(),
                c.verifyDays(), c.followUpDays(), c.autoCloseDays(), c.sortOrder());
    }

    @Override
    public void addQuestion(long categoryId, NewQuestion q) {
        if ((q.kind() == QuestionKind.CHOICE) == q.choices().isEmpty()) {
            throw new IllegalArgumentException("choices are required for, and only for, a CHOICE question");
        }
        if (q.choices().stream().anyMatch(choice -> choice.contains("|"))) throw new IllegalArgumentException("a choice must not contain |");
        categories.addQuestion(categoryId, new Category.Question(q.code(), q.labelId(), q.labelEn(),
                Category.Question.Kind.valueOf(q.kind().name()), q.required(), q.choices()), q.sortOrder());
    }

    @Override
    public void addRoutingRule(long categoryId, String kelurahanCode, long agencyId) {
        categories.addRoutingRule(categoryId, kelurahanCode, agencyId);
    }

    @Override
    public long addResponseTemplate(Long agencyId, String title, String body) {
        return templates.add(agencyId, title, body);
    }
}
