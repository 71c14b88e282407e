package id.balai.reports.domain;

import id.balai.organisation.Region;
import id.balai.organisation.Regions;
import id.balai.platform.BalaiProperties;
import id.balai.reports.ReportLookup;
import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
class JdbcReportLookup implements ReportLookup {

    private final Reports reports;
    private final Categories categories;
    private final Regions regions;
    private final BalaiProperties properties;

    JdbcReportLookup(Reports reports, Categories categories, Regions regions, BalaiProperties properties) {
        this.reports = reports;
        this.categories = categories;
        this.regions = regions;
        this.properties = properties;
    }

    @Override
    public Optional<ReportNotice> notice(long reportId) {
        return reports.forNotice(reportId).map(n -> {
            Report r = n.report();
            String base = properties.publicBaseUrl();
            return new ReportNotice(r.id(), r.trackingCode(), r.status(),
                    categories.byId(r.categoryId()).map(Category::nameId).orElse(""),
                    kelurahanName(r.kelurahanCode()), r.agencyId(), n.reporterEmail(),
                    base + "/laporan/" + r.trackingCode() + "/w/" + r.citizenToken(),
                    base + "/staf/laporan/" + r.trackingCode(), n.latestPublicNote());
        });
    }

    @Override
    public Optional<ReportContent> content(long reportId) {
        return reports.byId(reportId).map(r -> new ReportContent(r.id(), r.trackingCode(),
                categories.byId(r.categoryId()).map(Category::code).orElseThrow(), r.status(), r.isPublic(), r.publicText(),
                r.lat(), r.lon(), r.address(), reports.answers(r.id())));
    }

    /** Kelurahan with a boundary are held in memory (region rows are never changed); others are read. */
    private String kelurahanName(String code) {
        return regions.kelurahans().stream().filter(k -> k.code().equals(code)).findFirst()
                .or(() -> regions.find(code)).map(Region::name).orElse("");
    }
}
