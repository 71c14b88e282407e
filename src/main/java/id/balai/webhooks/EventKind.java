package id.balai.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** What a partner can subscribe to; {@link #type} is the name sent as {@code event_type}. */
enum EventKind {
    /** A report became public for the first time (verified by the desk, or an emergency routed at submission). */
    CREATED("report.created"),
    /** A public report's status changed, other than to resolved. */
    STATUS_CHANGED("report.status_changed"),
    /** A public report was resolved by its OPD. */
    RESOLVED("report.resolved");

    final String type;

    EventKind(String type) {
        this.type = type;
    }

    public String type() { // public for the admin pages' expressions
        return type;
    }

    static Optional<EventKind> ofType(String type) {
        return Arrays.stream(values()).filter(k -> k.type.equals(type)).findFirst();
    }
}
