package id.balai.notifications;

/** One way of reaching people (e-mail, WhatsApp, Telegram, SMS). {@link Notifier} picks the channel. */
interface NotificationChannel {

    boolean accepts(Recipient recipient);

    /** Delivers, skips quietly when the channel is not configured, or throws {@link NotificationFailedException}. */
    void deliver(Notification notification);
}
