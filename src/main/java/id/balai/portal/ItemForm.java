package id.balai.portal;

import id.balai.platform.FieldProblem;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An item's form as typed: read into {@link ItemContent} with every problem named by its field, and written
 * back from stored content for editing. Times are typed in the city's time zone.
 */
final class ItemForm {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PHONE = Pattern.compile("[0-9+() -]{5,40}");

    /** Every field of the form, so that a page can show any of them empty. */
    static final List<String> FIELDS = List.of("title", "slug", "summary", "body", "category", "tags", "status", "publishAt", "startsAt",
            "endsAt", "place", "phone", "whatsapp", "website", "openingHours", "videoUrl", "lat", "lon", "sortOrder", "imageId");

    private ItemForm() {}

    record Read(ItemContent content, List<FieldProblem> problems) {}

    /**
     * Reads the typed form. File and image are not in the form's text: they stay as {@code current} has them,
     * except an image uploaded with a form that came back with problems ({@code imageId}, checked to be the site's).
     */
    static Read read(ItemKind kind, Map<String, String> form, ItemContent current, ZoneId zone) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = text(form, "title");
        if (title.isEmpty() || title.length() > 200) problems.add(new FieldProblem("title", "item.error.title"));
        String slug = text(form, "slug").toLowerCase(Locale.ROOT);
        if (slug.isEmpty()) slug = slugOf(title);
        if (slug.length() > 120 || !SLUG.matcher(slug).matches()) problems.add(new FieldProblem("slug", "item.error.slug"));
        String summary = text(form, "summary");
        if (summary.length() > 400) problems.add(new FieldProblem("summary", "item.error.summary"));
        String body = form.getOrDefault("body", "").replace("\r\n", "\n");
        if (body.length() > 60000) problems.add(new FieldProblem("body", "item.error.body"));
        String category = text(form, "category");
        if (category.length() > 80) problems.add(new FieldProblem("category", "item.error.category"));
        String tags = String.join(", ", java.util.Arrays.stream(text(form, "tags").split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).distinct().toList());
        if (tags.length() > 300) problems.add(new FieldProblem("tags", "item.error.tags"));
        String status = "PUBLISHED".equals(form.get("status")) ? ItemContent.PUBLISHED : ItemContent.DRAFT;

        Instant publishAt = time(form, "publishAt", zone, problems);
        Instant startsAt = kind.has(ItemKind.Field.DATES) ? time(form, "startsAt", zone, problems) : null;
        Instant endsAt = kind.has(ItemKind.Field.DATES) ? time(form, "endsAt", zone, problems) : null;
        if (kind == ItemKind.EVENT && startsAt == null && problems.stream().noneMatch(p -> p.field().equals("startsAt")))
            problems.add(new FieldProblem("startsAt", "item.error.starts-required"));
        if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) problems.add(new FieldProblem("endsAt", "item.error.ends-before"));

        String place = text(form, "place");
        if (place.length() > 300) problems.add(new FieldProblem("place", "item.error.place"));
        String phone = text(form, "phone");
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) problems.add(new FieldProblem("phone", "item.error.phone"));
        String whatsapp = whatsapp(text(form, "whatsapp"));
        if (whatsapp == null) {
            problems.add(new FieldProblem("whatsapp", "item.error.whatsapp"));
            whatsapp = text(form, "whatsapp");
        }
        String website = text(form, "website");
        if (!website.isEmpty() && (!website.matches("https?://[^\\s<>\"]+") || website.length() > 300))
            problems.add(new FieldProblem("website", "item.error.website"));
        String hours = text(form, "openingHours");
        if (hours.length() > 200) problems.add(new FieldProblem("openingHours", "item.error.hours"));
        String video = text(form, "videoUrl");
        if (!video.isEmpty() && (!video.matches("https://[^\\s<>\"]+") || video.length() > 300))
            problems.add(new FieldProblem("videoUrl", "item.error.video"));

        Double lat = number(form, "lat", -90, 90, problems);
        Double lon = number(form, "lon", -180, 180, problems);
        if ((lat == null) != (lon == null) && problems.stream().noneMatch(p -> p.field().equals("lat") || p.field().equals("lon")))
            problems.add(new FieldProblem("lat", "item.error.point-half"));
        int sortOrder = 0;
        String order = text(form, "sortOrder");
        if (!order.isEmpty()) {
            try {
                sortOrder = Integer.parseInt(order);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("sortOrder", "item.error.sort-order"));
            }
        }
        ItemContent content = new ItemContent(title, slug, summary, body, category, tags, status, publishAt, startsAt, endsAt,
                place, phone, whatsapp, website, hours, video, lat, lon, imageId(form, current),
                current == null ? null : current.fileKey(), current == null ? null : current.fileName(),
                current == null ? null : current.fileBytes(), sortOrder);
        return new Read(content, problems);
    }

    private static Long imageId(Map<String, String> form, ItemContent current) {
        String kept = text(form, "imageId");
        if (!kept.isEmpty()) {
            try {
                return Long.parseLong(kept);
            } catch (NumberFormatException e) {
                // not one of ours: ignored, the stored image stays
            }
        }
        return current == null ? null : current.imageId();
    }

    /** The form's fields for stored content, times in the city's zone as a datetime-local input wants them. */
    static Map<String, String> of(ItemContent c, ZoneId zone) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", c.title());
        form.put("slug", c.slug());
        form.put("summary", c.summary());
        form.put("body", c.body());
        form.put("category", c.category());
        form.put("tags", c.tags());
        form.put("status", c.status());
        form.put("publishAt", local(c.publishAt(), zone));
        form.put("startsAt", local(c.startsAt(), zone));
        form.put("endsAt", local(c.endsAt(), zone));
        form.put("place", c.place());
        form.put("phone", c.phone());
        form.put("whatsapp", c.whatsapp());
        form.put("website", c.website());
        form.put("openingHours", c.openingHours());
        form.put("videoUrl", c.videoUrl());
        form.put("lat", c.lat() == null ? "" : String.valueOf(c.lat()));
        form.put("lon", c.lon() == null ? "" : String.valueOf(c.lon()));
        form.put("sortOrder", String.valueOf(c.sortOrder()));
        return form;
    }

    /** Lower-case ASCII words joined by dashes: "Kopi Bu Sari, Jl. Melati" → "kopi-bu-sari-jl-melati". */
    static String slugOf(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 80) slug = slug.substring(0, 80).replaceAll("-+[^-]*$", "");
        return slug;
    }

    /** Indonesian numbers as people type them (0812…, +62 812…, 62-812…) as wa.me wants them (62812…); "" stays ""; null if not a number. */
    static String whatsapp(String typed) {
        if (typed.isEmpty()) return "";
        String digits = typed.replaceAll("[\\s().+-]", "");
        if (!digits.matches("[0-9]{8,15}")) return null;
        if (digits.startsWith("0")) digits = "62" + digits.substring(1);
        return digits;
    }

    private static String local(Instant i, ZoneId zone) {
        return i == null ? "" : LocalDateTime.ofInstant(i, zone).withSecond(0).withNano(0).toString();
    }

    private static String text(Map<String, String> form, String name) {
        String v = form.get(name);
        return v == null ? "" : v.strip();
    }

    private static Instant time(Map<String, String> form, String name, ZoneId zone, List<FieldProblem> problems) {
        String v = text(form, name);
        if (v.isEmpty()) return null;
        try {
            if (v.length() == 10) return LocalDate.parse(v).atStartOfDay(zone).toInstant();
            return LocalDateTime.parse(v).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "item.error.time"));
            return null;
        }
    }

    private static Double number(Map<String, String> form, String name, double min, double max, List<FieldProblem> problems) {
        String v = text(form, name).replace(',', '.');
        if (v.isEmpty()) return null;
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && d >= min && d <= max) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(name, "item.error.coordinate"));
        return null;
    }
}
