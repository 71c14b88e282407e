package id.balai.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reading the spec's query arguments: an empty argument counts as none; times are ISO 8601 with an offset. */
final class Open311Params {

    static final Duration MAX_SPAN = Duration.ofDays(90);

    private Open311Params() {}

    /** start_date / end_date: by default the last 90 days; never more than 90. */
    record Window(Instant from, Instant before) {

        static Window of(Open311Format f, String start, String end, Instant now) {
            Instant before = blank(end) ? null : time(f, "end_date", end);
            Instant from = blank(start) ? null : time(f, "start_date", start);
            if (before == null) before = from == null ? now : from.plus(MAX_SPAN);
            if (from == null) from = before.minus(MAX_SPAN);
            if (!from.isBefore(before)) throw new Open311Exception(f, 400, "open311.error.date.order");
            if (Duration.between(from, before).compareTo(MAX_SPAN) > 0) throw new Open311Exception(f, 400, "open311.error.date.span", MAX_SPAN.toDays());
            return new Window(from, before);
        }
    }

    /** A time as the spec writes it: seconds and the city's offset, e.g. 2026-01-05T08:15:30+07:00; null stays null. */
    static String datetime(Instant t, java.time.ZoneId zone) {
        return t == null ? null : t.atZone(zone).toOffsetDateTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** A number no further from 0 than {@code max} (a latitude, longitude or radius); 400 otherwise. */
    static double decimal(Open311Format f, String name, String value, double max) {
        try {
            double d = Double.parseDouble(value.strip());
            if (Double.isFinite(d) && Math.abs(d) <= max) return d;
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new Open311Exception(f, 400, "open311.error.coordinate.invalid", name, value);
    }

    static Instant time(Open311Format f, String name, String value) {
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Exception(f, 400, "open311.error.date.invalid", name, value);
        }
    }

    /** A comma list. */
    static Set<String> list(String value) {
        if (blank(value)) return Set.of();
        Set<String> items = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
        return items;
    }

    /** A service_request_id as people type it: any case, with or without its dash. */
    static String trackingCode(String code) {
        String c = code.strip().toUpperCase(java.util.Locale.ROOT);
        return c.length() == 8 && c.indexOf('-') < 0 ? c.substring(0, 4) + "-" + c.substring(4) : c;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
