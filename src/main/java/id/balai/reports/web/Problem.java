package id.balai.reports.web;

/** A validation problem for the error summary; {@code anchor} is the id of the field to jump to. */
public record Problem(String field, String messageKey) {

    public String anchor() {
        return switch (field) {
            case "location" -> "location";
            case "form" -> "main";
            default -> field.replace('[', '-').replace("]", "");
        };
    }
}
