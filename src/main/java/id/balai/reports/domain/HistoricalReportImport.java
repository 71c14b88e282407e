package id.balai.reports.domain;

import id.balai.platform.images.PhotoProcessor;
import id.balai.calendar.Holidays;
import id.balai.calendar.WorkingCalendar;
import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Region;
import id.balai.organisation.Regions;
import id.balai.platform.storage.FileStorage;
import id.balai.reports.ReportImport;
import id.balai.reports.ReportStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replays a report's history through the {@link Report} transitions with the times it happened,
 * instead of the application clock that live work uses, then saves the end state and the whole
 * timeline at once. Publishes no events: an imported past must not notify anybody.
 */
@Service
@Transactional
class HistoricalReportImport implements ReportImport {

    /** How long after a deadline the SLA job (which runs every few minutes) is assumed to have acted. */
    static final Duration SLA_JOB_DELAY = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Reports reports;
    private final Categories categories;
    private final Regions regions;
    private final Holidays holidays;
    private final ReportPolicy policy;
    private final StaffDirectory staffDirectory;
    private final PhotoProcessor photoProcessor;
    private final FileStorage storage;
    private final Clock clock;

    HistoricalReportImport(Reports reports, Categories categories, Regions regions, Holidays holidays, ReportPolicy policy,
            StaffDirectory staffDirectory, PhotoProcessor photoProcessor, FileStorage storage, Clock clock) {
        this.reports = reports;
        this.categories = categories;
        this.regions = regions;
        this.holidays = holidays;
        this.policy = policy;
        this.staffDirectory = staffDirectory;
        this.photoProcessor = photoProcessor;
        this.storage = storage;
        this.clock = clock;
    }

    /** What one import collects while replaying, to save after the report row exists. */
    private static final class Replay {
        final Map<String, StaffPrincipal> staff = new HashMap<>();
        final List<Support> supports = new ArrayList<>();
    }

    @Override
    public Imported importReport(ReportSpec spec, List<Step> steps, Deadlines deadlines) {
        Instant now = clock.instant();
        WorkingCalendar calendar = holidays.calendar();
        Category category = categories.byCode(String.valueOf(spec.categoryCode()))
                .orElseThrow(() -> invalid("unknown category " + spec.categoryCode()));
        String description = spec.description() == null ? "" : spec.description().strip();
        if (description.length() < ReportSubmission.MIN_DESCRIPTION || description.length() > ReportSubmission.MAX_DESCRIPTION) {
            throw invalid("description must have " + ReportSubmission.MIN_DESCRIPTION + " to " + ReportSubmission.MAX_DESCRIPTION + " characters");
        }
        if (spec.submittedAt() == null || spec.submittedAt().isAfter(now)) throw invalid("submission time missing or in the future");
        if (spec.address() != null && spec.address().length() > 300) throw invalid("address longer than 300 characters");
        if (!spec.channel().matches("[A-Z0-9_]{1,20}")) throw invalid("channel must be a code like WEB or WHATSAPP");
        Location location = locate(spec);
        Map<String, String> answers = checkedAnswers(category, spec.answers());

        Replay replay = new Replay();

        Report r = Report.submit(newTrackingCode(), UUID.randomUUID().toString(), HexFormat.of().formatHex(randomBytes()),
                category, description, location.point().lat(), location.point().lon(), blankToNull(spec.address()),
                location.precise(), location.kelurahanCode(), spec.anonymous(), spec.confidential(), spec.channel(),
                spec.submittedAt(), calendar);
        Instant previous = spec.submittedAt();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String where = "step " + (i + 1) + " (" + step.getClass().getSimpleName() + ")";
            if (step.at() == null || step.at().isBefore(previous) || step.at().isAfter(now)) {
                throw invalid(where + ": time missing, earlier than the step before, or in the future");
            }
            if (deadlines == Deadlines.ENFORCED) enforceDeadlines(r, step.at(), calendar);
            try {
                apply(r, step, category, calendar, replay);
            } catch (WorkflowException e) {
                throw invalid(where + " is not allowed in status " + r.status() + ": " + e.messageKey());
            } catch (IllegalArgumentException e) {
                throw invalid(where + ": " + e.getMessage());
            }
            previous = step.at();
        }
        if (deadlines == Deadlines.ENFORCED) enforceDeadlines(r, now, calendar);
        return save(r, spec, answers, replay);
    }

    private Imported save(Report r, ReportSpec spec, Map<String, String> answers, Replay replay) {
        reports.insert(r);
        if (blankToNull(spec.reporterName()) != null || blankToNull(spec.reporterPhone()) != null || blankToNull(spec.reporterEmail()) != null) {
            reports.saveReporter(r.id(), new Reports.Reporter(blankToNull(spec.reporterName()), blankToNull(spec.reporterPhone()),
                    blankToNull(spec.reporterEmail())));
        }
        if (!answers.isEmpty()) reports.saveAnswers(r.id(), answers);
        for (Support s : replay.supports) {
            if (reports.addSupport(r.id(), s.supporterKey(), s.at())) r.supporters++;
        }
        // insert() wrote the submission columns and the whole timeline; this writes the state the history ended in.
        reports.update(r);
        return new Imported(r.id(), r.trackingCode(), r.status(), r.escalationLevel());
    }

    private void apply(Report r, Step step, Category category, WorkingCalendar calendar, Replay replay) {
        if (step instanceof Verify v) {
            r.verify(staff(v.staff(), StaffAction.VERIFY, r, replay), v.at());
        } else if (step instanceof Reject j) {
            if (j.reason() == null) throw invalid("a rejection needs a reason");
            r.reject(staff(j.staff(), StaffAction.REJECT, r, replay), Report.RejectReason.valueOf(j.reason().name()), j.note(), j.at());
        } else if (step instanceof Route t) {
            if (regions.agency(t.agencyId()).isEmpty()) throw invalid("unknown agency " + t.agencyId());
            // Balai itself routes emergencies the moment they arrive (see ReportSubmission).
            Actor actor = Step.SYSTEM.equals(t.staff()) ? Actor.SYSTEM : staff(t.staff(), StaffAction.ROUTE, r, replay);
            r.route(actor, t.agencyId(), category, t.at(), calendar);
        } else if (step instanceof HandBack h) {
            r.handBack(staff(h.staff(), StaffAction.HAND_BACK, r, replay), h.reason(), category, h.at(), calendar);
        } else if (step instanceof Start s) {
            r.start(staff(s.staff(), StaffAction.START, r, replay), s.at());
        } else if (step instanceof Note n) {
            StaffAction action = n.publicNote() ? StaffAction.NOTE_PUBLIC : StaffAction.NOTE_INTERNAL;
            r.addNote(staff(n.staff(), action, r, replay), n.text(), n.publicNote(), n.at());
        } else if (step instanceof Resolve s) {
            r.resolve(staff(s.staff(), StaffAction.RESOLVE, r, replay), s.note(), category, s.at(), calendar);
        } else if (step instanceof Confirm c) {
            r.confirm(c.at());
        } else if (step instanceof Reopen o) {
            r.reopen(o.reason(), category, o.at(), calendar);
        } else if (step instanceof Rate t) {
            r.rate(t.stars(), t.comment(), t.at());
        } else if (step instanceof Support s) {
            // As CitizenActions.support: only a public report that is still open can be supported.
            if (!r.isPublic() || !r.status().isOpen()) throw new WorkflowException("error.workflow.not-allowed");
            if (s.supporterKey() == null || s.supporterKey().isBlank()) throw invalid("a support needs a supporter key");
            replay.supports.add(s);
        }
    }

    @Override
    public void addPhoto(long reportId, PhotoKind kind, byte[] image, Instant takenAt) {
        Report r = reports.byId(reportId).orElseThrow(() -> invalid("unknown report " + reportId));
        if (takenAt == null || takenAt.isBefore(r.submittedAt()) || takenAt.isAfter(clock.instant())) {
            throw invalid("photo time missing, before the report, or in the future");
        }
        if (kind == PhotoKind.BEFORE && reports.photos(reportId).stream().filter(p -> p.kind().equals("BEFORE")).count() >= PhotoStaging.MAX_PHOTOS) {
            throw invalid("at most " + PhotoStaging.MAX_PHOTOS + " photos from the citizen");
        }
        PhotoProcessor.Processed photo;
        try {
            photo = photoProcessor.process(image);
        } catch (PhotoProcessor.RejectedPhoto e) {
            throw invalid("photo refused: " + e.messageKey());
        }
        try {
            String key = storage.store("reports", photo.jpeg(), "jpg");
            String thumb = storage.store("reports", photo.thumbnail(), "jpg");
            reports.addPhoto(reportId, kind.name(), key, thumb, photo.width(), photo.height(), takenAt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What SlaEnforcer would have done by {@code until}: escalate an overdue report to level 1 and, two
     * working days later, level 2; close a resolved report the citizen did not answer in time. The job
     * runs every few minutes, so it acts a little after each deadline, and at the latest at
     * {@code until}: an import ending now leaves nothing for the job's next run.
     */
    private static void enforceDeadlines(Report r, Instant until, WorkingCalendar calendar) {
        if (r.status() == ReportStatus.RESOLVED) {
            Instant due = r.autoCloseDueAt();
            if (due != null && until.isAfter(due)) r.autoClose(jobTime(due, until));
            return;
        }
        if (!ReportStatus.WITH_DESK.contains(r.status()) && !ReportStatus.WITH_AGENCY.contains(r.status())) return;
        Instant due = r.currentDueAt();
        if (due == null || !until.isAfter(due)) return;
        if (r.escalationLevel() < 1) r.escalate(1, jobTime(due, until));
        Instant levelTwo = calendar.addWorkingDays(due, SlaEnforcer.LEVEL_TWO_AFTER_WORKING_DAYS);
        if (r.escalationLevel() < 2 && until.isAfter(levelTwo)) r.escalate(2, jobTime(levelTwo, until));
    }

    private static Instant jobTime(Instant deadline, Instant until) {
        Instant run = deadline.plus(SLA_JOB_DELAY);
        return run.isAfter(until) ? until : run;
    }

    /** The staff member, who must have been allowed to take this action on the report as it stood. */
    private Actor staff(String username, StaffAction action, Report r, Replay replay) {
        if (username == null || username.isBlank()) throw invalid("a staff step needs a user name");
        StaffPrincipal staff = replay.staff.computeIfAbsent(username, name -> staffDirectory.byUsername(name)
                .orElseThrow(() -> invalid("unknown staff account " + name)));
        try {
            policy.check(staff, action, r);
        } catch (AccessDeniedException e) {
            throw invalid(username + " (" + staff.role() + ") may not " + action + " this report");
        }
        return Actor.of(staff);
    }

    private record Location(GeoPoint point, String kelurahanCode, boolean precise) {}

    private Location locate(ReportSpec spec) {
        if (spec.lat() != null && spec.lon() != null) {
            GeoPoint point = new GeoPoint(spec.lat(), spec.lon());
            Region kelurahan = regions.kelurahanAt(point).orElseThrow(() -> invalid("point " + point + " is outside the city"));
            if (spec.kelurahanCode() != null && !spec.kelurahanCode().equals(kelurahan.code())) {
                throw invalid("point lies in kelurahan " + kelurahan.code() + ", not " + spec.kelurahanCode());
            }
            return new Location(point, kelurahan.code(), true);
        }
        if (spec.kelurahanCode() != null) {
            GeoPoint centre = regions.centreOf(spec.kelurahanCode()).orElseThrow(() -> invalid("unknown kelurahan " + spec.kelurahanCode()));
            return new Location(centre, spec.kelurahanCode(), false);
        }
        throw invalid("a report needs a point or a kelurahan");
    }

    private static Map<String, String> checkedAnswers(Category category, Map<String, String> given) {
        Map<String, String> result = new LinkedHashMap<>();
        given.forEach((code, raw) -> {
            Category.Question q = category.questions().stream().filter(x -> x.code().equals(code)).findFirst()
                    .orElseThrow(() -> invalid("category " + category.code() + " has no question " + code));
            String value = blankToNull(raw);
            if (value == null) return;
            if (value.length() > 1000) throw invalid("answer to " + code + " is too long");
            if (q.kind() == Category.Question.Kind.CHOICE && !q.choices().contains(value)) throw invalid("answer to " + code + " is not a choice");
            if (q.kind() == Category.Question.Kind.NUMBER) {
                try {
                    Double.parseDouble(value.replace(',', '.'));
                } catch (NumberFormatException e) {
                    throw invalid("answer to " + code + " is not a number");
                }
            }
            result.put(code, value);
        });
        return result;
    }

    private String newTrackingCode() {
        String code = TrackingCode.generate();
        while (reports.trackingCodeTaken(code)) code = TrackingCode.generate();
        return code;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static IllegalArgumentException invalid(String message) {
        return new IllegalArgumentException(message);
    }
}
