package id.balai.reports.domain;

import id.balai.reports.CatalogueAdmin;
import id.balai.reports.ReportCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link ReportCatalogue} over the categories cache. */
@Component
class CachedReportCatalogue implements ReportCatalogue {

    private final Categories categories;

    CachedReportCatalogue(Categories categories) {
        this.categories = categories;
    }

    @Override
    public List<Service> services() {
        return categories.all().stream().map(CachedReportCatalogue::service).toList();
    }

    @Override
    public Optional<Service> service(String code) {
        return categories.activeByCode(code).map(CachedReportCatalogue::service);
    }

    private static Service service(Category c) {
        List<Field> fields = new ArrayList<>();
        for (Category.Question q : c.questions()) {
            fields.add(new Field(q.code(), q.labelId(), q.labelEn(), CatalogueAdmin.QuestionKind.valueOf(q.kind().name()),
                    q.required(), q.choices(), fields.size() + 1));
        }
        return new Service(c.code(), c.nameId(), c.nameEn(), c.hashtag(), c.emergency(), c.defaultAgencyId(),
                c.verifyDays(), c.followUpDays(), List.copyOf(fields));
    }
}
