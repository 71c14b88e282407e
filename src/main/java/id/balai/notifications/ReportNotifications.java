package id.balai.notifications;

import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.identity.StaffRole;
import id.balai.reports.ReportEscalated;
import id.balai.reports.ReportLookup;
import id.balai.reports.ReportLookup.ReportNotice;
import id.balai.reports.ReportRouted;
import id.balai.reports.ReportStatus;
import id.balai.reports.ReportStatusChanged;
import id.balai.reports.ReportSubmitted;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells citizens and staff what happened to a report. Each listener runs after the report's
 * transaction committed, on its own thread, and its event stays in the publication registry until
 * it returns: a failed send throws, so the event is retried rather than lost. Listener ids are fixed
 * so that publications stored by one release still find their listener after a refactoring.
 *
 * <p>No transaction: the listeners only read, and a slow SMTP server must not hold a database
 * connection from the pool the citizens' requests need.
 */
@Component
class ReportNotifications {

    /** Citizens and staff are written to in Indonesian; the bundle's default file is Indonesian. */
    static final Locale INDONESIAN = Locale.forLanguageTag("id");

    /** What a citizen hears about. REOPENED is the citizen's own doing; RECEIVED is the submission email. */
    static final Set<ReportStatus> CITIZEN_STATUSES = EnumSet.of(ReportStatus.VERIFIED, ReportStatus.ROUTED,
            ReportStatus.IN_PROGRESS, ReportStatus.RESOLVED, ReportStatus.CLOSED, ReportStatus.REJECTED);

    private static final Logger log = LoggerFactory.getLogger(ReportNotifications.class);

    private final ReportLookup reports;
    private final StaffDirectory staff;
    private final Notifier notifier;
    private final MessageSource messages;

    ReportNotifications(ReportLookup reports, StaffDirectory staff, Notifier notifier, MessageSource messages) {
        this.reports = reports;
        this.staff = staff;
        this.notifier = notifier;
        this.messages = messages;
    }

    @ApplicationModuleListener(id = "notifications.report-submitted", propagation = Propagation.NOT_SUPPORTED)
    void on(ReportSubmitted event) {
        // An emergency does not wait for the desk's check (it is routed at once), so the text differs.
        String intro = event.emergency() ? "notification.citizen.submitted.emergency-body" : "notification.citizen.submitted.body";
        notice(event.reportId(), event.trackingCode()).ifPresent(n -> toCitizen(n, "notification.citizen.submitted",
                body().text(intro).facts(n).text("notification.citizen.link")));
    }

    @ApplicationModuleListener(id = "notifications.report-status-changed", propagation = Propagation.NOT_SUPPORTED)
    void on(ReportStatusChanged event) {
        if (!CITIZEN_STATUSES.contains(event.to())) return;
        // An OPD handing a report back ("bukan wewenang") also lands in VERIFIED: the citizen hears
        // when it is routed again, not about the desk's internal shuffle.
        if (event.to() == ReportStatus.VERIFIED && event.from() != ReportStatus.RECEIVED) return;
        notice(event.reportId(), event.trackingCode()).ifPresent(n -> {
            String key = "notification.citizen.status." + event.to().name();
            Body body = body().text(key + ".body").facts(n);
            if (event.to() == ReportStatus.RESOLVED) {
                if (n.latestPublicNote() != null && !n.latestPublicNote().isBlank()) {
                    body.lines(msg("notification.label.note") + ":", n.latestPublicNote().strip());
                }
                body.text("notification.citizen.status.RESOLVED.action");
            }
            toCitizen(n, key, body.text("notification.citizen.link"));
        });
    }

    @ApplicationModuleListener(id = "notifications.report-routed", propagation = Propagation.NOT_SUPPORTED)
    void on(ReportRouted event) {
        notice(event.reportId(), event.trackingCode()).ifPresent(n -> {
            List<StaffPrincipal> admins = staff.ofAgency(event.agencyId()).stream()
                    .filter(s -> s.role() == StaffRole.AGENCY_ADMIN).toList();
            toStaff(n, admins, "routing", "notification.staff.routed", List.of(n.trackingCode(), n.categoryName()),
                    body().text("notification.staff.routed.body").facts(n).text("notification.staff.link"));
        });
    }

    @ApplicationModuleListener(id = "notifications.report-escalated", propagation = Propagation.NOT_SUPPORTED)
    void on(ReportEscalated event) {
        notice(event.reportId(), event.trackingCode()).ifPresent(n -> {
            int level = Math.min(Math.max(event.level(), 1), 2);
            Body body = body().text("notification.staff.escalated." + event.stage().name() + ".body").facts(n)
                    .lines(msg("notification.label.level") + ": " + level)
                    .text("notification.staff.escalated.level" + level).text("notification.staff.link");
            toStaff(n, escalationTargets(event, level), "escalation", "notification.staff.escalated",
                    List.of(n.trackingCode(), String.valueOf(level)), body);
        });
    }

    /**
     * Level 1 goes to those above whoever should have acted: the OPD's head for a late follow-up, the
     * complaint desk for a late verification. Level 2 goes one step higher: the desk, or the leaders.
     */
    private List<StaffPrincipal> escalationTargets(ReportEscalated event, int level) {
        return switch (event.stage()) {
            case FOLLOW_UP -> level == 1 && event.agencyId() != null
                    ? staff.headsOf(event.agencyId()) : staff.withRole(StaffRole.COORDINATOR);
            case VERIFY -> level == 1 ? staff.withRole(StaffRole.COORDINATOR) : staff.withRole(StaffRole.LEADER);
        };
    }

    private Optional<ReportNotice> notice(long reportId, String trackingCode) {
        Optional<ReportNotice> notice = reports.notice(reportId);
        // Nothing to retry: the report is gone (erased on request), so the event is done.
        if (notice.isEmpty()) log.warn("report {} not found, nothing notified", trackingCode);
        return notice;
    }

    private void toCitizen(ReportNotice n, String key, Body body) {
        Optional<Recipient> citizen = Recipient.email(n.citizenEmail());
        if (citizen.isEmpty()) {
            log.debug("citizen of {} left no usable e-mail address, {} not sent", n.trackingCode(), key);
            return;
        }
        notifier.send(new Notification(citizen.get(), INDONESIAN, n.trackingCode(), key + ".subject",
                List.of(n.trackingCode()), body.render(), n.citizenLink()));
    }

    /**
     * One e-mail per person (a head who is also the OPD admin gets one). A failure stops here and the
     * whole event is retried, so those already reached may get the message twice: better than never.
     */
    private void toStaff(ReportNotice n, List<StaffPrincipal> people, String what, String key, List<String> subjectArgs, Body body) {
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (StaffPrincipal person : people) {
            Optional<Recipient> address = Recipient.email(person.email());
            if (address.isEmpty()) {
                log.debug("staff {} has no usable e-mail address, {} of {} not sent to them", person.username(), what, n.trackingCode());
                continue;
            }
            recipients.putIfAbsent(((Recipient.Email) address.get()).address().toLowerCase(Locale.ROOT), address.get());
        }
        if (recipients.isEmpty()) {
            log.warn("nobody with an e-mail address to tell about the {} of {}", what, n.trackingCode());
            return;
        }
        String text = body.render();
        for (Recipient recipient : recipients.values()) {
            notifier.send(new Notification(recipient, INDONESIAN, n.trackingCode(), key + ".subject", subjectArgs, text, n.staffLink()));
        }
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, INDONESIAN);
    }

    private Body body() {
        return new Body();
    }

    /** A plain-text body: paragraphs separated by a blank line. */
    private final class Body {

        private final List<String> paragraphs = new ArrayList<>();

        Body text(String key) {
            paragraphs.add(msg(key));
            return this;
        }

        Body lines(String... lines) {
            paragraphs.add(String.join("\n", lines));
            return this;
        }

        /** Tracking code, category and kelurahan: never the citizen's name or contact. */
        Body facts(ReportNotice n) {
            List<String> facts = new ArrayList<>();
            facts.add(msg("notification.label.code") + ": " + n.trackingCode());
            if (n.categoryName() != null && !n.categoryName().isBlank()) facts.add(msg("notification.label.category") + ": " + n.categoryName());
            if (n.kelurahanName() != null && !n.kelurahanName().isBlank()) facts.add(msg("notification.label.kelurahan") + ": " + n.kelurahanName());
            return lines(facts.toArray(String[]::new));
        }

        String render() {
            return String.join("\n\n", paragraphs);
        }
    }
}
