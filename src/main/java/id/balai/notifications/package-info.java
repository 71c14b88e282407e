/**
 * Notifications: tells citizens and staff what happened to a report, by e-mail now and later by
 * WhatsApp, Telegram or SMS. Listens to the reports module's events, reads what it needs through
 * {@link id.balai.reports.ReportLookup} and {@link id.balai.identity.StaffDirectory}, and sends
 * through one {@link id.balai.notifications.Notifier} for every channel. Events are handled after
 * their transaction commits and kept in the event publication registry until the message is sent,
 * so a crash or a mail server outage delays a notification but does not lose it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = { "reports", "identity", "platform" })
package id.balai.notifications;
