package id.balai.reports.web;

import id.balai.platform.FieldProblem;
import id.balai.reports.CatalogueAdmin.NewQuestion;
import id.balai.reports.CatalogueAdmin.QuestionKind;
import java.util.List;

/** An extra question as typed; choices one per line. */
public class QuestionForm {

    private String code = "";
    private String labelId = "";
    private String labelEn = "";
    private String kind = "TEXT";
    private boolean required;
    private String choices = "";
    private String sortOrder = "0";
    private String version = "";

    static QuestionForm of(NewQuestion q) {
        QuestionForm f = new QuestionForm();
        f.code = q.code();
        f.labelId = q.labelId();
        f.labelEn = q.labelEn();
        f.kind = q.kind().name();
        f.required = q.required();
        f.choices = String.join("\n", q.choices());
        f.sortOrder = String.valueOf(q.sortOrder());
        f.version = String.valueOf(q.version());
        return f;
    }

    NewQuestion toQuestion(List<FieldProblem> problems) {
        QuestionKind parsedKind = null;
        try {
            parsedKind = QuestionKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("kind", "error.question.kind"));
        }
        Integer order = CategoryForm.number(sortOrder, "sortOrder", "error.sort-order", problems);
        return new NewQuestion(code, labelId, labelEn, parsedKind, required, CatalogueAdminController.lines(choices),
                order == null ? 0 : order);
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getLabelId() { return labelId; }
    public void setLabelId(String labelId) { this.labelId = labelId; }
    public String getLabelEn() { return labelEn; }
    public void setLabelEn(String labelEn) { this.labelEn = labelEn; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public boolean isRequired() { return required; }
    public void setRequired(boolean required) { this.required = required; }
    public String getChoices() { return choices; }
    public void setChoices(String choices) { this.choices = choices; }
    public String getSortOrder() { return sortOrder; }
    public void setSortOrder(String sortOrder) { this.sortOrder = sortOrder; }
    public String getVersion() { return version; }
    public void setVersion(String version) { this.version = version; }
}
