package id.balai.portal;

import id.balai.platform.FieldProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a site's editors may change about the site itself, as typed, and the checks on it. */
record SiteSettings(String name, String tagline, String colour, Long logoId, String menu, String social, String contact) {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    static SiteSettings of(Site s) {
        return new SiteSettings(s.name(), s.tagline(), s.colour(), s.logoId(), s.menu(), s.social(), s.contact());
    }

    SiteSettings normalised() {
        return new SiteSettings(strip(name), strip(tagline), strip(colour).toLowerCase(), logoId, lines(menu), lines(social), strip(contact));
    }

    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isEmpty() || name.length() > 120) problems.add(new FieldProblem("name", "site.error.name"));
        if (tagline.length() > 200) problems.add(new FieldProblem("tagline", "site.error.tagline"));
        if (!COLOUR.matcher(colour).matches()) problems.add(new FieldProblem("colour", "site.error.colour"));
        if (menu.length() > 2000 || menu.lines().anyMatch(l -> {
            int bar = l.indexOf('|');
            return bar <= 0 || l.substring(0, bar).isBlank() || !safeLink(l.substring(bar + 1).strip());
        })) problems.add(new FieldProblem("menu", "site.error.menu"));
        if (social.length() > 2000 || social.lines().anyMatch(l -> !l.startsWith("https://") || !validUri(l)))
            problems.add(new FieldProblem("social", "site.error.social"));
        if (contact.length() > 1000) problems.add(new FieldProblem("contact", "site.error.contact"));
        return problems;
    }

    /** A path on this server or an https address: never javascript:, data: or a protocol-relative //host. */
    static boolean safeLink(String href) {
        if (href.startsWith("/") && !href.startsWith("//") && !href.contains("\\")) return validUri(href);
        return href.startsWith("https://") && validUri(href);
    }

    private static boolean validUri(String s) {
        try {
            URI.create(s);
            return s.chars().noneMatch(c -> c < 0x21);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String lines(String s) {
        return strip(s).lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
