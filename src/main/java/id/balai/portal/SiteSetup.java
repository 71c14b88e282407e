package id.balai.portal;

import java.time.Instant;

/**
 * Setting up sites without a browser: for the demo city (and later an installer). Runs in the caller's
 * transaction; nothing is audited as a person's change (there is no person).
 */
public interface SiteSetup {

    /** The city site every install has (created by the migration). */
    long citySite();

    /** Renames and describes the city site. */
    void describeCity(String name, String tagline, String contact);

    long addSite(SiteKind kind, String slug, String name, String tagline, String regionCode, Long agencyId);

    void addEditor(long siteId, long staffId);

    /**
     * Adds a published item (or a scheduled one when {@code publishAt} is in the future). {@code pdf}, when
     * given, is stored as the item's file; {@code body} is Markdown.
     */
    long addItem(long siteId, ItemKind kind, NewItem item);

    record NewItem(String title, String summary, String body, String category, Instant publishAt, Instant startsAt, Instant endsAt,
            String place, String phone, String whatsapp, String openingHours, Double lat, Double lon, byte[] pdf, String pdfName) {

        public static NewItem text(String title, String summary, String body, String category) {
            return new NewItem(title, summary, body, category, null, null, null, "", "", "", "", null, null, null, null);
        }

        public static NewItem place(String title, String summary, String category, String place, String phone, String whatsapp, String hours,
                double lat, double lon) {
            return new NewItem(title, summary, "", category, null, null, null, place, phone, whatsapp, hours, lat, lon, null, null);
        }
    }
}
