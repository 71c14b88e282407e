package id.balai.reports.domain;

import id.balai.calendar.Holidays;
import id.balai.reports.ReportStatus;
import id.balai.reports.ReportStatusChanged;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the reporting citizen can do, proven by the private token in their link (the tracking code
 * alone is public and proves nothing); and "saya juga", which anyone can do once per browser.
 */
@Service
@Transactional
public class CitizenActions {

    private final Reports reports;
    private final Categories categories;
    private final Holidays holidays;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CitizenActions(Reports reports, Categories categories, Holidays holidays, ApplicationEventPublisher events, Clock clock) {
        this.reports = reports;
        this.categories = categories;
        this.holidays = holidays;
        this.events = events;
        this.clock = clock;
    }

    /** The report, if the token is the citizen's. */
    @Transactional(readOnly = true)
    public Optional<Report> withToken(String code, String token) {
        return TrackingCode.normalise(code).flatMap(reports::byTrackingCode)
                .filter(r -> token != null && MessageDigest.isEqual(r.citizenToken().getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8)));
    }

    public void confirm(String code, String token) {
        Report r = owned(code, token);
        ReportStatus from = r.status();
        r.confirm(clock.instant());
        save(r, from);
    }

    public void reopen(String code, String token, String reason) {
        Report r = owned(code, token);
        ReportStatus from = r.status();
        r.reopen(reason, categories.byId(r.categoryId()).orElseThrow(), clock.instant(), holidays.calendar());
        save(r, from);
    }

    public void rate(String code, String token, int stars, String comment) {
        Report r = owned(code, token);
        if (comment != null && comment.length() > 1000) throw new WorkflowException("error.rating.comment-long");
        r.rate(stars, comment, clock.instant());
        reports.update(r);
    }

    /** "Saya juga": answers false when this browser already supported the report. */
    public boolean support(String code, String supporterKey) {
        Report r = TrackingCode.normalise(code).flatMap(reports::byTrackingCode)
                .filter(Report::isPublic).orElseThrow(() -> new WorkflowException("error.report.unknown"));
        if (!r.status().isOpen()) throw new WorkflowException("error.workflow.not-allowed");
        if (!reports.addSupport(r.id(), supporterKey, clock.instant())) return false;
        reports.appendTimeline(r.id(), new TimelineEntry(clock.instant(), Actor.CITIZEN.name(), Actor.CITIZEN.role(),
                TimelineEntry.Action.SUPPORTED, r.status(), r.status(), null, false, null));
        return true;
    }

    private Report owned(String code, String token) {
        return withToken(code, token).orElseThrow(() -> new WorkflowException("error.report.token"));
    }

    private void save(Report r, ReportStatus from) {
        reports.update(r);
        events.publishEvent(new ReportStatusChanged(r.id(), r.trackingCode(), from, r.status(), r.agencyId()));
    }
}
