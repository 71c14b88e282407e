package id.balai.reports.web;

import id.balai.organisation.Agency;
import id.balai.organisation.Region;
import id.balai.organisation.Regions;
import id.balai.reports.ReportStatus;
import id.balai.reports.domain.Categories;
import id.balai.reports.domain.Category;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Names and formats the report pages need, exposed to templates as {@code ${views}}. */
@Component("views")
public class ReportViewSupport {

    /** The category icons {@link #glyph} draws, offered by the catalogue admin. */
    static final List<String> ICONS = List.of("water", "trash", "road", "parking", "lamp", "tree", "fire", "drain", "shield",
            "health", "other");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy");

    private final Categories categories;
    private final Regions regions;
    private final id.balai.platform.BalaiProperties properties;

    ReportViewSupport(Categories categories, Regions regions, id.balai.platform.BalaiProperties properties) {
        this.categories = categories;
        this.regions = regions;
        this.properties = properties;
    }

    public String category(long id) {
        return categories.byId(id).map(c -> c.name(LocaleContextHolder.getLocale())).orElse("—");
    }

    public String icon(long id) {
        return categories.byId(id).map(Category::icon).orElse("");
    }

    /**
     * Questions removed from a category after reports answered them: the report pages still show those
     * answers under the old label.
     */
    public List<Category.Question> retiredQuestions(long categoryId) {
        return categories.retiredQuestions(categoryId);
    }

    /** A glyph for a category icon name: an emoji costs no download and reads on any phone. */
    public String glyph(String icon) {
        return switch (icon == null ? "" : icon) {
            case "water" -> "🌊";
            case "trash" -> "🗑️";
            case "road" -> "🚧";
            case "parking" -> "🅿️";
            case "lamp" -> "💡";
            case "tree" -> "🌳";
            case "fire" -> "🔥";
            case "drain" -> "🕳️";
            case "shield" -> "🛡️";
            case "health" -> "🏥";
            default -> "📌";
        };
    }

    public String kelurahan(String code) {
        return code == null ? "—" : kelurahanNames().getOrDefault(code, code);
    }

    public String agency(Long id) {
        return id == null ? "—" : regions.agency(id).map(Agency::shortName).orElse("—");
    }

    public String agencyName(Long id) {
        return id == null ? "—" : regions.agency(id).map(Agency::name).orElse("—");
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.withLocale(locale()).format(instant.atZone(properties.timeZone()));
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.withLocale(locale()).format(instant.atZone(properties.timeZone()));
    }

    /** ISO date in the city's time zone, for machine-readable {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public boolean overdue(Instant due, ReportStatus status) {
        return due != null && status != ReportStatus.RESOLVED && status.isOpen() && Instant.now().isAfter(due);
    }

    public String shorten(String text, int max) {
        if (text == null) return "";
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }

    private Map<String, String> kelurahanNames() {
        return regions.kelurahans().stream().collect(Collectors.toMap(Region::code, Region::name, (a, b) -> a));
    }

    private static Locale locale() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("id");
    }
}
