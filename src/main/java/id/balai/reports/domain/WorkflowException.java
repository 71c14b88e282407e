package id.balai.reports.domain;

/** A workflow action that is not allowed now; {@code messageKey} explains it in the user's language. */
public class WorkflowException extends RuntimeException {

    private final String messageKey;

    public WorkflowException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
