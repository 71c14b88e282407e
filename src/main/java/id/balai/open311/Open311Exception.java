package id.balai.open311;

/** A request the spec says to refuse: answered as the {@code errors} list in {@code format}. */
class Open311Exception extends RuntimeException {

    private final transient Open311Format format;
    private final int status;
    private final String messageKey;
    private final transient Object[] args;
    private long retryAfter;

    Open311Exception(Open311Format format, int status, String messageKey, Object... args) {
        super(messageKey);
        this.format = format;
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    Open311Format format() {
        return format;
    }

    int status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args;
    }

    /** Seconds for a {@code Retry-After} header (429), 0 for none. */
    long retryAfter() {
        return retryAfter;
    }

    Open311Exception retryAfter(long seconds) {
        this.retryAfter = seconds;
        return this;
    }
}
