package id.balai.demo;

import static id.balai.demo.DemoTexts.pick;
import static id.balai.reports.ReportStatus.*;

import id.balai.calendar.WorkingCalendar;
import id.balai.demo.AstinaCatalogue.CategoryDef;
import id.balai.demo.AstinaMap.Kelurahan;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Region;
import id.balai.organisation.Regions;
import id.balai.reports.ReportImport.Confirm;
import id.balai.reports.ReportImport.HandBack;
import id.balai.reports.ReportImport.Note;
import id.balai.reports.ReportImport.Rate;
import id.balai.reports.ReportImport.Reject;
import id.balai.reports.ReportImport.RejectReason;
import id.balai.reports.ReportImport.Reopen;
import id.balai.reports.ReportImport.ReportSpec;
import id.balai.reports.ReportImport.Resolve;
import id.balai.reports.ReportImport.Route;
import id.balai.reports.ReportImport.Start;
import id.balai.reports.ReportImport.Step;
import id.balai.reports.ReportImport.Support;
import id.balai.reports.ReportImport.Verify;
import id.balai.reports.ReportStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Invents the reports of Kota Astina's last four months: who reported what, where, and everything
 * that happened to each report since, by whom and when. The complaint desk and the OPD work office
 * hours on working days (BPBD and Damkar round the clock); most reports are handled within the SLA,
 * some late, some handed back, reopened or rejected. Deadlines passed along the way are left to the
 * import, which adds the escalations the SLA job would have made.
 */
final class DemoHistories {

    /**
     * A report to import, the status its history was written to end in, and its photos to draw:
     * {@code photoIcon} null for none, {@code afterPhotoAt} the time of the OPD's after-photo or null.
     */
    record Planned(ReportSpec spec, List<Step> steps, ReportStatus target, String photoIcon, Instant afterPhotoAt) {}

    /** The first reports take every status once, so that even a small demo shows every one. */
    private static final ReportStatus[] EVERY_STATUS = {CLOSED, IN_PROGRESS, RECEIVED, ROUTED, RESOLVED, REJECTED, VERIFIED, REOPENED};

    /** How common each end status is among the rest, roughly what a city sees over four months. */
    private static final Map<ReportStatus, Integer> STATUS_WEIGHTS = new LinkedHashMap<>();

    static {
        STATUS_WEIGHTS.put(CLOSED, 38);
        STATUS_WEIGHTS.put(IN_PROGRESS, 13);
        STATUS_WEIGHTS.put(ROUTED, 11);
        STATUS_WEIGHTS.put(RESOLVED, 9);
        STATUS_WEIGHTS.put(RECEIVED, 8);
        STATUS_WEIGHTS.put(REJECTED, 8);
        STATUS_WEIGHTS.put(VERIFIED, 5);
        STATUS_WEIGHTS.put(REOPENED, 5);
    }

    /** Submission age windows in days per end status, so that the history fits before now. */
    private static final Map<ReportStatus, double[]> AGE_DAYS = Map.of(
            RECEIVED, new double[] {0.05, 8}, VERIFIED, new double[] {0.5, 9}, REJECTED, new double[] {1, 118},
            ROUTED, new double[] {0.3, 10}, IN_PROGRESS, new double[] {1, 20}, RESOLVED, new double[] {1, 14},
            CLOSED, new double[] {12, 118}, REOPENED, new double[] {4, 30});

    /** A resolved report must still be inside its auto-close window (10 working days) to stay RESOLVED. */
    private static final Duration RESOLVED_AT_MOST = Duration.ofDays(6);

    /** The OPD a report is wrongly sent to first, before it is handed back ("bukan wewenang"). */
    private static final Map<String, String> WRONG_AGENCY = Map.of("DPUPR", "DLH", "DLH", "DPUPR", "BPBD", "DPUPR",
            "DISHUB", "SATPOLPP", "SATPOLPP", "DISHUB", "DPRKP", "DPUPR", "DINKES", "DLH", "DAMKAR", "BPBD", "DISKOMINFO", "DISHUB");

    private static final String[] CHANNELS = {"WEB", "WEB", "WEB", "WEB", "WEB", "WEB", "WHATSAPP", "WHATSAPP", "WHATSAPP", "TELEGRAM", "SMS"};

    private final AstinaMap map;
    private final Map<String, Long> agencyIds;
    private final Regions regions;
    private final WorkingCalendar calendar;
    private final Instant now;
    private final Random random;
    private final int[] kelurahanWeights;

    DemoHistories(AstinaMap map, Map<String, Long> agencyIds, Regions regions, WorkingCalendar calendar, Instant now, long seed) {
        this.map = map;
        this.agencyIds = agencyIds;
        this.regions = regions;
        this.calendar = calendar;
        this.now = now;
        this.random = new Random(seed);
        // Some kelurahan (the dense centre, the riverside) report more than others.
        this.kelurahanWeights = map.kelurahans().stream().mapToInt(k -> 1 + random.nextInt(4)).toArray();
    }

    List<Planned> plan(int count) {
        int photoCount = Math.min(20, Math.max(2, count / 20));
        int photoEvery = Math.max(1, count / photoCount);
        List<Planned> planned = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ReportStatus target = i < EVERY_STATUS.length ? EVERY_STATUS[i] : weightedStatus();
            boolean photo = i % photoEvery == photoEvery / 2;
            planned.add(report(i, target, photo, photo && (i / photoEvery) % 2 == 0));
        }
        return planned;
    }

    // --- one report ---------------------------------------------------------------------------

    /** What stays the same whatever times the history gets. */
    private record Facts(CategoryDef category, Kelurahan kelurahan, String agency, boolean confidential, boolean everyStatusReport,
            RejectReason rejectReason) {}

    private Planned report(int index, ReportStatus target, boolean photo, boolean afterPhoto) {
        CategoryDef category = category(target);
        Kelurahan kelurahan = kelurahan();
        GeoPoint point = pointIn(kelurahan);
        String street = pick(DemoTexts.STREETS, random);
        String landmark = pick(DemoTexts.LANDMARKS, random);
        DemoTexts.Sentences sentences = DemoTexts.REPORTS.get(category.code());
        int opening = random.nextInt(sentences.openings().size());
        String agency = responsibleAgency(category, kelurahan, opening);
        boolean anonymous = index % 7 == 3;
        boolean confidential = index % 11 == 5;
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        // Most rejections are repeats of a known problem; the rest are not reports at all and read like it.
        int roll = random.nextInt(100);
        RejectReason rejectReason = target != REJECTED ? null
                : roll < 60 ? RejectReason.DUPLICATE : roll < 85 ? RejectReason.NOT_A_REPORT : RejectReason.SPAM;
        String description = rejectReason == RejectReason.SPAM ? DemoTexts.fill(pick(DemoTexts.SPAM, random), street, landmark, kelurahan.name(), random)
                : rejectReason == RejectReason.NOT_A_REPORT ? DemoTexts.fill(pick(DemoTexts.QUESTIONS, random), street, landmark, kelurahan.name(), random)
                : description(category, sentences, opening, street, landmark, kelurahan.name(), channel);
        Facts facts = new Facts(category, kelurahan, agency, confidential, index < EVERY_STATUS.length, rejectReason);

        Instant submitted = null;
        History history = null;
        for (int attempt = 0; attempt < 30 && history == null; attempt++) {
            submitted = submissionTime(target, category);
            history = history(target, facts, submitted, false);
        }
        if (history == null) {
            // Rare: no random timing fitted; squeeze the history into the last two days.
            submitted = now.minus(Duration.ofDays(2));
            history = history(target, facts, submitted, true);
            if (history == null) throw new IllegalStateException("no history fits for a " + target + " report");
        }
        List<Step> steps = history.steps();
        Instant afterPhotoAt = !afterPhoto ? null
                : steps.stream().filter(s -> s instanceof Resolve).map(Step::at).reduce((a, b) -> b).orElse(null);

        Map<String, String> answers = rejectReason == null || rejectReason == RejectReason.DUPLICATE ? answers(category) : Map.of();
        String address = random.nextBoolean() ? street + " " + landmark
                : street + " No. " + (1 + random.nextInt(120)) + ", RT %03d/RW %03d".formatted(1 + random.nextInt(6), 1 + random.nextInt(4));
        String[] reporter = reporter(anonymous);
        ReportSpec spec = new ReportSpec(category.code(), description, point.lat(), point.lon(), null, address, anonymous, confidential,
                channel, submitted, reporter[0], reporter[1], reporter[2], answers);
        return new Planned(spec, steps, target, photo ? category.icon() : null, afterPhotoAt);
    }

    private record History(List<Step> steps) {}

    /** The steps leading to {@code target}, or null when they do not fit between the submission and now. */
    private History history(ReportStatus target, Facts f, Instant submitted, boolean squeezed) {
        Timer time = new Timer(submitted, squeezed);
        List<Step> steps = new ArrayList<>();
        String desk = random.nextInt(7) == 0 ? "admin" : "koordinator";
        boolean roundTheClock = f.category().twentyFourHours();
        Instant publicFrom = null;
        Instant openUntil = now;

        if (target == REJECTED) {
            steps.add(new Reject(time.office(1, 30), desk, f.rejectReason(), switch (f.rejectReason()) {
                case SPAM -> "Pesan promosi, bukan laporan.";
                case DUPLICATE -> "Laporan yang sama sudah masuk sebelumnya dan sedang ditangani.";
                case NOT_A_REPORT -> "Berisi pertanyaan umum; sudah dijawab melalui kanal informasi.";
            }));
            return fits(steps, target, null) ? new History(steps) : null;
        }
        if (target != RECEIVED) {
            if (f.category().emergency()) {
                // Emergencies are routed by Balai the moment they arrive.
                steps.add(new Route(submitted, Step.SYSTEM, agencyIds.get(f.agency())));
                publicFrom = submitted;
            } else {
                boolean lateDesk = random.nextInt(8) == 0;
                Instant verified = lateDesk ? time.office(80, 140) : time.office(0.5, 20);
                steps.add(new Verify(verified, desk));
                publicFrom = verified;
                boolean manual = f.category().agencyCode() == null;
                boolean handBack = target == VERIFIED ? !manual : !f.everyStatusReport() && random.nextInt(16) == 0;
                if (handBack) {
                    String wrong = WRONG_AGENCY.get(f.agency());
                    steps.add(new Route(manual ? time.office(1, 24) : time.at(), desk, agencyIds.get(wrong)));
                    steps.add(new HandBack(time.office(3, 40), wrong.toLowerCase(), pick(DemoTexts.HAND_BACK_REASONS, random)));
                    if (target != VERIFIED) steps.add(new Route(time.office(1, 24), desk, agencyIds.get(f.agency())));
                } else if (target != VERIFIED) {
                    steps.add(new Route(manual ? time.office(1, 24) : time.at(), desk, agencyIds.get(f.agency())));
                }
            }
        }
        if (target != RECEIVED && target != VERIFIED && target != ROUTED) {
            String worker = worker(f.agency());
            String head = f.agency().toLowerCase();
            steps.add(new Start(f.category().emergency() ? time.any(0.1, 0.6) : roundTheClock ? time.any(1, 12) : time.office(2, 60), worker));
            if (random.nextInt(3) == 0) steps.add(new Note(time.office(1, 30), head, pick(DemoTexts.PROGRESS_NOTES, random), true));
            if (random.nextInt(6) == 0) steps.add(new Note(time.office(1, 20), head, pick(DemoTexts.INTERNAL_NOTES, random), false));
            lurahNote(f, time, steps);
            if (target != IN_PROGRESS) {
                boolean lateAgency = random.nextInt(8) == 0;
                Instant resolved = f.category().emergency() ? time.any(1, 6)
                        : lateAgency ? time.office(150, 250) : roundTheClock ? time.any(4, 60) : time.office(4, 110);
                steps.add(new Resolve(resolved, worker, pick(DemoTexts.RESOLUTIONS.get(f.category().code()), random)));
                openUntil = resolved;
                if (target == REOPENED) {
                    steps.add(new Reopen(time.any(2, 90), pick(DemoTexts.REOPEN_REASONS, random)));
                } else if (target == CLOSED) {
                    close(f, time, steps, head, lateAgency);
                }
            }
        } else if (target == ROUTED) {
            lurahNote(f, time, steps);
        }
        if (!fits(steps, target, steps.stream().filter(s -> s instanceof Resolve).map(Step::at).findFirst().orElse(null))) return null;
        if (publicFrom != null && !f.confidential()) addSupporters(steps, publicFrom, openUntil);
        return new History(steps);
    }

    /** The citizen confirms (and often rates), or stays silent and the SLA job closes it; sometimes reopened once first. */
    private void close(Facts f, Timer time, List<Step> steps, String head, boolean late) {
        if (!f.everyStatusReport() && random.nextInt(7) == 0) {
            steps.add(new Reopen(time.any(2, 72), pick(DemoTexts.REOPEN_REASONS, random)));
            steps.add(new Start(time.office(2, 30), head));
            steps.add(new Resolve(time.office(4, 60), head, pick(DemoTexts.RESOLUTIONS.get(f.category().code()), random)));
            late = true;
        }
        if (f.everyStatusReport() || random.nextInt(100) < 55) {
            steps.add(new Confirm(time.any(1, 100)));
            if (random.nextInt(4) != 0) steps.add(rating(time.any(0, 2), late));
        } else if (random.nextInt(5) == 0) {
            steps.add(rating(time.any(10, 70), late));
        }
    }

    private Rate rating(Instant at, boolean late) {
        int roll = random.nextInt(100);
        int stars = late ? (roll < 30 ? 1 : roll < 60 ? 2 : roll < 85 ? 3 : 4)
                : (roll < 40 ? 5 : roll < 75 ? 4 : roll < 90 ? 3 : roll < 96 ? 2 : 1);
        String comment = pick(DemoTexts.RATING_COMMENTS.get(stars), random);
        return new Rate(at, stars, comment.isEmpty() ? null : comment);
    }

    private void lurahNote(Facts f, Timer time, List<Step> steps) {
        if (AstinaCatalogue.LURAH_KELURAHAN.contains(f.kelurahan().code()) && random.nextInt(5) < 2) {
            steps.add(new Note(time.office(1, 20), "lurah." + f.kelurahan().slug(), pick(DemoTexts.LURAH_NOTES, random), false));
        }
    }

    /** "Saya juga" from neighbours while the report is public and open. */
    private void addSupporters(List<Step> steps, Instant from, Instant until) {
        long window = Duration.between(from, until).toMinutes() - 2;
        if (window < 10 || random.nextInt(100) < 55) return;
        int supporters = 1 + (random.nextInt(4) == 0 ? random.nextInt(20) : random.nextInt(5));
        for (int i = 0; i < supporters; i++) {
            Instant at = from.plus(Duration.ofMinutes(1 + (long) (random.nextDouble() * window)));
            steps.add(new Support(at, "demo-" + Long.toHexString(random.nextLong())));
        }
        steps.sort(Comparator.comparing(Step::at));
    }

    private boolean fits(List<Step> steps, ReportStatus target, Instant resolved) {
        Instant last = steps.isEmpty() ? null : steps.get(steps.size() - 1).at();
        if (last != null && last.isAfter(now.minus(Duration.ofMinutes(1)))) return false;
        return target != RESOLVED || (resolved != null && resolved.isAfter(now.minus(RESOLVED_AT_MOST)));
    }

    // --- the parts ----------------------------------------------------------------------------

    private ReportStatus weightedStatus() {
        int total = STATUS_WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
        int roll = random.nextInt(total);
        for (var e : STATUS_WEIGHTS.entrySet()) {
            roll -= e.getValue();
            if (roll < 0) return e.getKey();
        }
        return CLOSED;
    }

    /** A category by weight; emergencies are routed on arrival, so they never wait at the desk or get rejected there. */
    private CategoryDef category(ReportStatus target) {
        boolean atDesk = target == RECEIVED || target == VERIFIED || target == REJECTED;
        List<CategoryDef> candidates = AstinaCatalogue.CATEGORIES.stream().filter(c -> !(atDesk && c.emergency())).toList();
        int roll = random.nextInt(candidates.stream().mapToInt(CategoryDef::weight).sum());
        for (CategoryDef c : candidates) {
            roll -= c.weight();
            if (roll < 0) return c;
        }
        return candidates.get(0);
    }

    private Kelurahan kelurahan() {
        int roll = random.nextInt(java.util.Arrays.stream(kelurahanWeights).sum());
        for (int i = 0; i < kelurahanWeights.length; i++) {
            roll -= kelurahanWeights[i];
            if (roll < 0) return map.kelurahans().get(i);
        }
        return map.kelurahans().get(0);
    }

    /** A random point that the city's own lookup places in this kelurahan. */
    private GeoPoint pointIn(Kelurahan k) {
        for (int i = 0; i < 200; i++) {
            GeoPoint p = new GeoPoint(k.minLat() + random.nextDouble() * (k.maxLat() - k.minLat()),
                    k.minLon() + random.nextDouble() * (k.maxLon() - k.minLon()));
            if (regions.kelurahanAt(p).map(Region::code).filter(k.code()::equals).isPresent()) {
                return new GeoPoint(Math.round(p.lat() * 1e6) / 1e6, Math.round(p.lon() * 1e6) / 1e6);
            }
        }
        return regions.centreOf(k.code()).orElseThrow();
    }

    private static String responsibleAgency(CategoryDef category, Kelurahan kelurahan, int opening) {
        return AstinaCatalogue.ROUTING_RULES.stream()
                .filter(r -> r.categoryCode().equals(category.code()) && r.kelurahanCode().equals(kelurahan.code()))
                .map(AstinaCatalogue.RoutingRuleDef::agencyCode).findFirst()
                .orElse(category.agencyCode() != null ? category.agencyCode() : DemoTexts.OTHER_AGENCIES.get(opening));
    }

    /** DLH and DPUPR send their field officers; elsewhere the OPD desk records the work itself. */
    private String worker(String agency) {
        boolean hasOfficer = agency.equals("DLH") || agency.equals("DPUPR");
        return hasOfficer && random.nextInt(10) < 6 ? "petugas." + agency.toLowerCase() : agency.toLowerCase();
    }

    private String description(CategoryDef category, DemoTexts.Sentences s, int opening, String street, String landmark,
            String kelurahan, String channel) {
        StringBuilder text = new StringBuilder();
        if (!channel.equals("WEB")) text.append(category.hashtag()).append(' ');
        text.append(DemoTexts.fill(s.openings().get(opening), street, landmark, kelurahan, random));
        int first = random.nextInt(s.details().size());
        text.append(' ').append(s.details().get(first));
        if (random.nextBoolean()) text.append(' ').append(s.details().get((first + 1 + random.nextInt(s.details().size() - 1)) % s.details().size()));
        String closing = pick(DemoTexts.CLOSINGS, random);
        if (!closing.isEmpty()) text.append(' ').append(closing);
        return text.toString();
    }

    private Map<String, String> answers(CategoryDef category) {
        Map<String, String> answers = new LinkedHashMap<>();
        if (category.code().equals("banjir")) {
            int depth = 10 + random.nextInt(23) * 5;
            answers.put("kedalaman", String.valueOf(depth));
            answers.put("masuk_rumah", depth > 40 && random.nextInt(5) > 0 ? "Ya" : "Tidak");
        } else if (category.code().equals("jalan-rusak") && random.nextInt(5) > 0) {
            answers.put("ukuran", List.of("Kecil", "Sedang", "Besar").get(random.nextInt(3)));
        }
        return answers;
    }

    /** Name, phone, e-mail (each may be null). An anonymous reporter at most leaves a number to call back. */
    private String[] reporter(boolean anonymous) {
        String phone = "08" + (1 + random.nextInt(9)) + "%08d".formatted(random.nextInt(100_000_000));
        if (anonymous) return new String[] {null, random.nextBoolean() ? phone : null, null};
        String name = random.nextInt(4) > 0 ? pick(DemoTexts.REPORTER_NAMES, random) : null;
        String email = name != null && random.nextInt(10) < 3
                ? name.toLowerCase().replace(' ', '.') + random.nextInt(100) + "@warga.example" : null;
        return new String[] {name, random.nextInt(100) < 55 ? phone : null, email};
    }

    private Instant submissionTime(ReportStatus target, CategoryDef category) {
        double[] window = AGE_DAYS.get(target);
        double ageDays = window[0] + random.nextDouble() * (window[1] - window[0]);
        LocalDate day = now.minus(Duration.ofMinutes((long) (ageDays * 24 * 60))).atZone(calendar.zone()).toLocalDate();
        // People report from early morning to late evening; fires and floods come at any hour.
        int minute = category.emergency() ? random.nextInt(24 * 60) : 6 * 60 + random.nextInt(16 * 60);
        Instant at = day.atTime(LocalTime.of(minute / 60, minute % 60)).atZone(calendar.zone()).toInstant();
        return at.isAfter(now.minus(Duration.ofMinutes(30))) ? at.minus(Duration.ofDays(1)) : at;
    }

    /**
     * The clock of one history: each call moves it forward by a random delay. Office work waits for
     * 07:30-16:00 on a working day; a squeezed history (the fallback) uses short delays and no office hours.
     */
    private final class Timer {
        private Instant t;
        private final boolean squeezed;

        Timer(Instant start, boolean squeezed) {
            this.t = start;
            this.squeezed = squeezed;
        }

        Instant at() {
            return t;
        }

        Instant any(double minHours, double maxHours) {
            t = t.plus(delay(minHours, maxHours));
            return t;
        }

        Instant office(double minHours, double maxHours) {
            t = t.plus(delay(minHours, maxHours));
            if (squeezed) return t;
            ZonedDateTime local = t.atZone(calendar.zone());
            LocalTime opens = LocalTime.of(7, 30);
            LocalTime closes = LocalTime.of(16, 0);
            LocalDate day = local.toLocalDate();
            if (calendar.isWorkingDay(day) && !local.toLocalTime().isBefore(opens) && local.toLocalTime().isBefore(closes)) return t;
            if (!calendar.isWorkingDay(day) || !local.toLocalTime().isBefore(closes)) {
                day = day.plusDays(1);
                while (!calendar.isWorkingDay(day)) day = day.plusDays(1);
            }
            t = day.atTime(opens).plusMinutes(random.nextInt(120)).atZone(calendar.zone()).toInstant();
            return t;
        }

        private Duration delay(double minHours, double maxHours) {
            double hours = minHours + random.nextDouble() * (maxHours - minHours);
            if (squeezed) hours = hours / 40;
            return Duration.ofSeconds((long) (hours * 3600));
        }
    }
}
