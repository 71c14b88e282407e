package id.balai.notifications;

/**
 * Sends one notification on the channel its recipient belongs to (e-mail now; WhatsApp, Telegram and
 * SMS later), so callers never pick a channel themselves.
 */
public interface Notifier {

    /**
     * Delivers the notification, or returns quietly when its channel is not configured on this
     * installation (every gateway is optional).
     *
     * @throws NotificationFailedException when the channel is configured but delivery failed; inside
     *         an event listener let it propagate, so the event stays incomplete and is retried
     */
    void send(Notification notification);
}
