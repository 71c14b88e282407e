package id.balai.platform;

import java.util.List;

/**
 * What is wrong with one field of a form, as a message key: produced by any module's checks and shown
 * by the error summary ({@code fragments/ui.html}). {@code anchor} is the id of the field to jump to
 * ({@code form}: the page's main content; {@code answers[x]}: {@code answers-x}).
 */
public record FieldProblem(String field, String messageKey) {

    public String anchor() {
        return "form".equals(field) ? "main" : field.replace('[', '-').replace("]", "");
    }

    /** Adds the problems of {@code more} for fields {@code problems} does not name yet (one message per field). */
    public static void addNew(List<FieldProblem> problems, List<FieldProblem> more) {
        for (FieldProblem p : more) {
            if (problems.stream().noneMatch(q -> q.field().equals(p.field()))) problems.add(p);
        }
    }
}
