package id.balai.notifications;

/**
 * A configured channel could not deliver. The message names the reference (e.g. a tracking code) but
 * never the recipient's address: it ends up in logs.
 */
public class NotificationFailedException extends RuntimeException {

    NotificationFailedException(String message) {
        super(message);
    }
}
