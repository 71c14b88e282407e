package id.balai.reports.domain;

import id.balai.platform.FieldProblem;
import id.balai.calendar.Holidays;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Region;
import id.balai.organisation.RegionLevel;
import id.balai.organisation.Regions;
import id.balai.reports.ReportRouted;
import id.balai.reports.ReportStatus;
import id.balai.reports.ReportStatusChanged;
import id.balai.reports.ReportSubmitted;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a citizen's report: validates everything, then saves the report, its reporter, answers
 * and photos in one transaction. The same submission key twice gives the same report, never two.
 */
@Service
public class ReportSubmission {

    private static final Logger log = LoggerFactory.getLogger(ReportSubmission.class);
    private static final Pattern PHONE = Pattern.compile("^(\\+62|62|0)8[0-9]{7,12}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9-]{16,64}$");
    public static final int MIN_DESCRIPTION = 10;
    public static final int MAX_DESCRIPTION = 4000;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A new code is taken with probability (reports stored) / 30^8; five taken in a row mean something else is wrong. */
    private static final int TRACKING_CODE_ATTEMPTS = 5;

    /** A field and the message key explaining what is wrong with it. */

    public sealed interface Outcome permits Saved, Invalid {}

    /** Saved (or already saved by an earlier try of the same submission). */
    public record Saved(Report report, boolean repeated) implements Outcome {}

    public record Invalid(List<FieldProblem> problems) implements Outcome {}

    private final Reports reports;
    private final Categories categories;
    private final Regions regions;
    private final Holidays holidays;
    private final PhotoStaging staging;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private volatile Supplier<String> trackingCodes = TrackingCode::generate;

    ReportSubmission(Reports reports, Categories categories, Regions regions, Holidays holidays, PhotoStaging staging,
            ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.reports = reports;
        this.categories = categories;
        this.regions = regions;
        this.holidays = holidays;
        this.staging = staging;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    public static String newSubmissionKey() {
        return java.util.UUID.randomUUID().toString();
    }

    public Outcome submit(SubmissionForm form) {
        if (form.getSubmissionKey() == null || !KEY.matcher(form.getSubmissionKey()).matches()) {
            return new Invalid(List.of(new FieldProblem("form", "error.form.expired")));
        }
        Checked checked = check(form);
        if (!checked.problems().isEmpty()) {
            // A retry of a saved submission is answered with its report, even if the form no longer passes.
            Optional<Report> earlier = reports.bySubmissionKey(form.getSubmissionKey());
            return earlier.<Outcome>map(r -> new Saved(r, true)).orElseGet(() -> new Invalid(checked.problems()));
        }

        // No look-ups before the insert: the unique submission key and tracking code decide. A duplicate
        // rolls the whole transaction back; then either this submission was saved before (a retry, or a
        // parallel retry that won the race) or the random tracking code was taken, and we try another.
        String token = HexFormat.of().formatHex(randomBytes());
        for (int attempt = 1; ; attempt++) {
            String code = trackingCodes.get();
            try {
                Report saved = tx.execute(status -> save(form, checked, token, code));
                return new Saved(saved, false);
            } catch (DuplicateKeyException e) {
                Optional<Report> earlier = reports.bySubmissionKey(form.getSubmissionKey());
                if (earlier.isPresent()) return new Saved(earlier.get(), true);
                if (attempt == TRACKING_CODE_ATTEMPTS) throw e;
                log.info("Tracking code {} already taken, trying another", code);
            }
        }
    }

    /** For tests: the source of new tracking codes. */
    void useTrackingCodes(Supplier<String> codes) {
        this.trackingCodes = codes;
    }

    /** Every problem with the form, without saving anything. */
    public List<FieldProblem> validate(SubmissionForm form) {
        return check(form).problems();
    }

    private record Checked(List<FieldProblem> problems, Category category, String description, Location location,
            String address, String name, String phone, String email, Map<String, String> answers) {}

    private Checked check(SubmissionForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        Category category = form.getCategoryId() == null ? null : categories.byId(form.getCategoryId()).orElse(null);
        if (category == null) problems.add(new FieldProblem("categoryId", "error.category.required"));
        else if (!categories.isActive(category.id())) {
            // a form opened before the admin retired the category
            problems.add(new FieldProblem("categoryId", "error.category.inactive"));
            category = null;
        }

        String description = strip(form.getDescription());
        if (description == null) problems.add(new FieldProblem("description", "error.description.required"));
        else if (description.length() < MIN_DESCRIPTION) problems.add(new FieldProblem("description", "error.description.short"));
        else if (description.length() > MAX_DESCRIPTION) problems.add(new FieldProblem("description", "error.description.long"));

        Location location = locate(form, problems);

        String address = strip(form.getAddress());
        if (address != null && address.length() > 300) problems.add(new FieldProblem("address", "error.address.long"));
        String name = strip(form.getName());
        if (name != null && name.length() > 120) problems.add(new FieldProblem("name", "error.name.long"));
        String phone = strip(form.getPhone());
        if (phone != null) {
            phone = phone.replaceAll("[\\s.-]", "");
            if (!PHONE.matcher(phone).matches()) problems.add(new FieldProblem("phone", "error.phone.invalid"));
        }
        String email = strip(form.getEmail());
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) problems.add(new FieldProblem("email", "error.email.invalid"));

        Map<String, String> answers = category == null ? Map.of() : answers(category, form.getAnswers(), problems);
        return new Checked(problems, category, description, location, address, name, phone, email, answers);

    }

    private Report save(SubmissionForm form, Checked checked, String token, String code) {
        Category category = checked.category();
        Location location = checked.location();
        String name = checked.name(), phone = checked.phone(), email = checked.email();
        Map<String, String> answers = checked.answers();
        Instant now = clock.instant();
        var calendar = holidays.calendar();
        Report report = Report.submit(code, form.getSubmissionKey(), token, category, checked.description(),
                location.point().lat(), location.point().lon(), checked.address(), location.precise(), location.kelurahan().code(),
                form.isAnonymous(), form.isConfidential(), form.getChannel(), now, calendar);
        reports.insert(report);
        if (name != null || phone != null || email != null) reports.saveReporter(report.id(), new Reports.Reporter(name, phone, email));
        if (!answers.isEmpty()) reports.saveAnswers(report.id(), answers);
        List<PhotoStaging.StagedPhoto> photos = staging.staged(form.getSubmissionKey());
        for (PhotoStaging.StagedPhoto photo : photos) {
            reports.addPhoto(report.id(), "BEFORE", photo.storageKey(), photo.thumbKey(), photo.width(), photo.height(), now);
        }
        if (!photos.isEmpty()) staging.consumed(form.getSubmissionKey());
        events.publishEvent(new ReportSubmitted(report.id(), report.trackingCode(), category.id(), report.kelurahanCode(), category.emergency()));
        if (category.emergency()) {
            // An emergency cannot wait for the desk's working hours: route at once to the responsible OPD.
            Optional<Long> agency = categories.responsibleAgency(category, report.kelurahanCode());
            if (agency.isPresent()) {
                report.route(Actor.SYSTEM, agency.get(), category, now, calendar);
                reports.update(report);
                events.publishEvent(new ReportStatusChanged(report.id(), report.trackingCode(), ReportStatus.RECEIVED,
                        report.status(), report.agencyId()));
                events.publishEvent(new ReportRouted(report.id(), report.trackingCode(), agency.get()));
            }
        }
        log.info("Report {} saved (category {}, kelurahan {}, channel {})", report.trackingCode(), category.code(),
                report.kelurahanCode(), report.channel());
        return report;
    }

    private record Location(GeoPoint point, Region kelurahan, boolean precise) {}

    private Location locate(SubmissionForm form, List<FieldProblem> problems) {
        if (form.getLat() != null && form.getLon() != null) {
            GeoPoint point;
            try {
                point = new GeoPoint(form.getLat(), form.getLon());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("location", "error.location.invalid"));
                return null;
            }
            Optional<Region> kelurahan = regions.kelurahanAt(point);
            if (kelurahan.isEmpty()) {
                problems.add(new FieldProblem("location", "error.location.outside"));
                return null;
            }
            return new Location(point, kelurahan.get(), true);
        }
        String code = strip(form.getKelurahanCode());
        if (code != null) {
            Optional<Region> kelurahan = regions.find(code).filter(r -> r.level() == RegionLevel.KELURAHAN);
            Optional<GeoPoint> centre = kelurahan.flatMap(k -> regions.centreOf(k.code()));
            if (kelurahan.isEmpty() || centre.isEmpty()) {
                problems.add(new FieldProblem("location", "error.location.invalid"));
                return null;
            }
            if (strip(form.getAddress()) == null) problems.add(new FieldProblem("address", "error.address.required"));
            return new Location(centre.get(), kelurahan.get(), false);
        }
        problems.add(new FieldProblem("location", "error.location.required"));
        return null;
    }

    private static Map<String, String> answers(Category category, Map<String, String> given, List<FieldProblem> problems) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Category.Question q : category.questions()) {
            String value = strip(given.get(q.code()));
            String field = "answers[" + q.code() + "]";
            if (value == null) {
                if (q.required()) problems.add(new FieldProblem(field, "error.answer.required"));
                continue;
            }
            if (value.length() > 1000) {
                problems.add(new FieldProblem(field, "error.answer.long"));
                continue;
            }
            switch (q.kind()) {
                case NUMBER -> {
                    try {
                        Double.parseDouble(value.replace(',', '.'));
                    } catch (NumberFormatException e) {
                        problems.add(new FieldProblem(field, "error.answer.number"));
                        continue;
                    }
                }
                case CHOICE -> {
                    if (!q.choices().contains(value)) {
                        problems.add(new FieldProblem(field, "error.answer.choice"));
                        continue;
                    }
                }
                case MULTI_CHOICE -> {
                    // the form sends each ticked box; the binder (and an Open311 client's attribute[CODE][]) joins them with commas
                    List<String> picked = java.util.Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
                    if (picked.isEmpty() || !q.choices().containsAll(picked)) {
                        problems.add(new FieldProblem(field, "error.answer.choice"));
                        continue;
                    }
                    value = String.join(", ", q.choices().stream().filter(picked::contains).toList());
                    if (value.length() > 1000) {
                        problems.add(new FieldProblem(field, "error.answer.long"));
                        continue;
                    }
                }
                case DATETIME -> {
                    value = dateTime(value);
                    if (value == null) {
                        problems.add(new FieldProblem(field, "error.answer.datetime"));
                        continue;
                    }
                }
                case TEXT, LONG_TEXT -> { }
            }
            result.put(q.code(), value);
        }
        return result;
    }

    /**
     * A date and time as a browser's datetime-local field sends it (2026-11-24T07:30, seconds optional) or
     * with an offset (an Open311 client); null when it is neither. Kept as sent, seconds dropped.
     */
    static String dateTime(String value) {
        String v = value.strip().replace(' ', 'T');
        try {
            return java.time.LocalDateTime.parse(v).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        } catch (java.time.format.DateTimeParseException notLocal) {
            try {
                return java.time.OffsetDateTime.parse(v).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
            } catch (java.time.format.DateTimeParseException notOffset) {
                return null;
            }
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String strip(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
