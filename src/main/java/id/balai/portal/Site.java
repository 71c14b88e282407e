package id.balai.portal;

import java.util.ArrayList;
import java.util.List;

/**
 * One site. {@code base} is its path without a trailing slash ("" for the city, {@code /kelurahan/slug});
 * {@code menu} holds "Label | /path" lines and {@code social} profile addresses, one per line.
 */
record Site(long id, SiteKind kind, String slug, String name, String tagline, String host, String regionCode, Long agencyId,
        String colour, Long logoId, String menu, String social, String contact, int version) {

    public String base() {
        return kind == SiteKind.CITY ? "" : "/" + kind.segment() + "/" + slug;
    }

    /** The home page's path. */
    public String home() {
        return kind == SiteKind.CITY ? "/" : base();
    }

    record MenuLink(String label, String href) {}

    /** The menu as links; a line without a usable path is left out (checked again when saved). */
    public List<MenuLink> menuLinks() {
        List<MenuLink> links = new ArrayList<>();
        for (String line : menu.split("\n")) {
            int bar = line.indexOf('|');
            if (bar <= 0) continue;
            String label = line.substring(0, bar).strip();
            String href = line.substring(bar + 1).strip();
            if (!label.isEmpty() && SiteSettings.safeLink(href)) links.add(new MenuLink(label, href));
        }
        return links;
    }

    record SocialLink(String network, String href) {}

    public List<SocialLink> socialLinks() {
        List<SocialLink> links = new ArrayList<>();
        for (String line : social.split("\n")) {
            String href = line.strip();
            if (!href.startsWith("https://")) continue;
            String host = java.net.URI.create(href).getHost();
            String network = host == null ? "web" : host.replaceFirst("^(www|m)\\.", "").replaceFirst("\\..*$", "");
            links.add(new SocialLink(network, href));
        }
        return links;
    }
}
