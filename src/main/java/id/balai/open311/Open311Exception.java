package id.balai.open311;

/** A request the spec says to refuse: answered as the {@code errors} list in {@code format}. */
class Open311Exception extends RuntimeException {

    private final transient Open311Format format;
    private final int status;
    private final String messageKey;
    private final transient Object[] args;

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
}
