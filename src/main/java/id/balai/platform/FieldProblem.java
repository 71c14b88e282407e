package id.balai.platform;

/**
 * What is wrong with one field of a form, as a message key: produced by any module's checks and shown
 * by the error summary ({@code fragments/ui.html}). {@code anchor} is the id of the field to jump to
 * ({@code form}: the page's main content; {@code answers[x]}: {@code answers-x}).
 */
public record FieldProblem(String field, String messageKey) {

    public String anchor() {
        return "form".equals(field) ? "main" : field.replace('[', '-').replace("]", "");
    }
}
