package id.balai.portal;

import id.balai.platform.storage.FileStorage;
import id.balai.platform.web.PublicContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.springframework.stereotype.Service;

@Service
class JdbcSiteSetup implements SiteSetup {

    private final Sites sites;
    private final SiteItems items;
    private final FileStorage storage;
    private final PublicContent publicContent;
    private final Clock clock;

    JdbcSiteSetup(Sites sites, SiteItems items, FileStorage storage, PublicContent publicContent, Clock clock) {
        this.sites = sites;
        this.items = items;
        this.storage = storage;
        this.publicContent = publicContent;
        this.clock = clock;
    }

    @Override
    public long citySite() {
        return sites.city().orElseThrow().id();
    }

    @Override
    public void describeCity(String name, String tagline, String contact) {
        Site city = sites.city().orElseThrow();
        SiteSettings s = new SiteSettings(name, tagline, city.colour(), city.logoId(), city.menu(), city.social(), contact);
        sites.update(city.id(), city.version(), s, null, clock.instant());
        publicContent.changed();
    }

    @Override
    public long addSite(SiteKind kind, String slug, String name, String tagline, String regionCode, Long agencyId) {
        publicContent.changed();
        return sites.insert(kind, slug, name, tagline, regionCode, agencyId, null, clock.instant());
    }

    @Override
    public void addEditor(long siteId, long staffId) {
        sites.addEditor(siteId, staffId);
    }

    @Override
    public long addItem(long siteId, ItemKind kind, NewItem n) {
        String fileKey = null;
        Long fileBytes = null;
        if (n.pdf() != null) {
            if (!SiteEditing.isPdf(n.pdf())) throw new IllegalArgumentException("not a PDF: " + n.pdfName());
            try {
                fileKey = storage.store("situs-dokumen", n.pdf(), "pdf");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fileBytes = (long) n.pdf().length;
        }
        String slug = ItemForm.slugOf(n.title());
        ItemContent c = new ItemContent(n.title(), slug, n.summary(), n.body(), n.category(), "", ItemContent.PUBLISHED,
                n.publishAt() != null ? n.publishAt() : clock.instant(), n.startsAt(), n.endsAt(), n.place(), n.phone(),
                n.whatsapp() == null ? "" : ItemForm.whatsapp(n.whatsapp()), "", n.openingHours(), "", n.lat(), n.lon(), null, fileKey,
                n.pdfName(), fileBytes, 0);
        publicContent.changed();
        return items.insert(siteId, kind, c, null, clock.instant());
    }
}
