package id.balai.identity;

/**
 * A problem with one field of a staff account form, for the error summary: {@code anchor} is the id of
 * the field to jump to ({@code form}: the page's main content).
 */
public record FormProblem(String field, String messageKey) {

    public String anchor() {
        return "form".equals(field) ? "main" : field;
    }
}
