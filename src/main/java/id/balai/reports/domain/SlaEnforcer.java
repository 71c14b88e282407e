package id.balai.reports.domain;

import id.balai.calendar.Holidays;
import id.balai.calendar.WorkingCalendar;
import id.balai.reports.ReportEscalated;
import id.balai.reports.ReportStatus;
import id.balai.reports.ReportStatusChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the SLA promises: escalates overdue reports (level 1 when the deadline passes, level 2 two
 * working days later), closes resolved reports the citizen did not answer, and clears abandoned
 * uploads. Run by a db-scheduler task, so it runs once at a time however many nodes there are.
 */
@Service
public class SlaEnforcer {

    static final int LEVEL_TWO_AFTER_WORKING_DAYS = 2;
    private static final Logger log = LoggerFactory.getLogger(SlaEnforcer.class);

    private final Reports reports;
    private final Holidays holidays;
    private final PhotoStaging staging;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    SlaEnforcer(Reports reports, Holidays holidays, PhotoStaging staging, ApplicationEventPublisher events,
            TransactionTemplate tx, Clock clock) {
        this.reports = reports;
        this.holidays = holidays;
        this.staging = staging;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    public record Result(int escalated, int autoClosed, int purgedUploads) {}

    public Result run() {
        Instant now = clock.instant();
        WorkingCalendar calendar = holidays.calendar();
        int escalated = 0;
        for (Report r : reports.overdue(now, 500)) {
            try {
                if (Boolean.TRUE.equals(tx.execute(status -> escalate(r, now, calendar)))) escalated++;
            } catch (WorkflowException changedMeanwhile) {
                // a staff action, or this job on another node, changed the report: the next run looks again
            }
        }
        int closed = 0;
        for (Report r : reports.dueForAutoClose(now, 500)) {
            try {
                tx.executeWithoutResult(status -> {
                    r.autoClose(now);
                    reports.update(r);
                    events.publishEvent(new ReportStatusChanged(r.id(), r.trackingCode(), ReportStatus.RESOLVED, ReportStatus.CLOSED, r.agencyId()));
                });
                closed++;
            } catch (WorkflowException changedMeanwhile) {
                // the citizen confirmed or reopened it meanwhile
            }
        }
        int purged = staging.purgeOlderThan(Duration.ofDays(1));
        if (escalated + closed > 0) log.info("SLA run: {} escalated, {} auto-closed", escalated, closed);
        return new Result(escalated, closed, purged);
    }

    private boolean escalate(Report r, Instant now, WorkingCalendar calendar) {
        Instant due = r.currentDueAt();
        if (due == null || !now.isAfter(due)) return false;
        int level = now.isAfter(calendar.addWorkingDays(due, LEVEL_TWO_AFTER_WORKING_DAYS)) ? 2 : 1;
        if (level <= r.escalationLevel()) return false;
        r.escalate(level, now);
        reports.update(r);
        var stage = ReportStatus.WITH_DESK.contains(r.status()) ? ReportEscalated.Stage.VERIFY : ReportEscalated.Stage.FOLLOW_UP;
        events.publishEvent(new ReportEscalated(r.id(), r.trackingCode(), stage, level, r.agencyId()));
        return true;
    }
}
