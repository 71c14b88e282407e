package id.balai.reports.domain;

import id.balai.organisation.Region;
import id.balai.organisation.Regions;
import id.balai.platform.BalaiProperties;
import id.balai.reports.ReportLookup;
import java.util.List;
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
        return reports.byId(reportId).map(r -> {
            String base = properties.publicBaseUrl();
            List<TimelineEntry> timeline = reports.timeline(r.id());
            String latestNote = timeline.stream().filter(e -> e.publicNote() && e.note() != null)
                    .reduce((a, b) -> b).map(TimelineEntry::note).orElse(null);
            return new ReportNotice(r.id(), r.trackingCode(), r.status(),
                    categories.byId(r.categoryId()).map(Category::nameId).orElse(""),
                    regions.find(r.kelurahanCode()).map(Region::name).orElse(""), r.agencyId(),
                    reports.reporter(r.id()).map(Reports.Reporter::email).orElse(null),
                    base + "/laporan/" + r.trackingCode() + "/w/" + r.citizenToken(),
                    base + "/staf/laporan/" + r.trackingCode(), latestNote);
        });
    }
}
