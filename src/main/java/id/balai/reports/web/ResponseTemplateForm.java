package id.balai.reports.web;

import id.balai.platform.FieldProblem;
import id.balai.reports.domain.ResponseTemplates;
import id.balai.reports.domain.ResponseTemplates.ResponseTemplate;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The response template form as typed, so a form sent back with problems shows exactly what the admin
 * wrote. An empty OPD means the template is for everybody.
 */
public class ResponseTemplateForm {

    /** The values once checked; {@code agencyId} null = for everybody. */
    record Values(Long agencyId, String title, String body) {}

    private String agencyId = "";
    private String title = "";
    private String body = "";

    static ResponseTemplateForm of(ResponseTemplate t) {
        ResponseTemplateForm f = new ResponseTemplateForm();
        f.agencyId = t.agencyId() == null ? "" : String.valueOf(t.agencyId());
        f.title = t.title();
        f.body = t.body();
        return f;
    }

    /**
     * The checked values, or null with problems in the order of the fields. A line break counts as one
     * character whatever the browser sent.
     */
    Values toValues(List<FieldProblem> problems, LongPredicate knownAgency) {
        Long agency = null;
        if (agencyId != null && !agencyId.isBlank()) {
            try {
                agency = Long.valueOf(agencyId.strip());
            } catch (NumberFormatException e) {
                // reported below
            }
            if (agency == null || !knownAgency.test(agency)) problems.add(new FieldProblem("agencyId", "error.template.agency"));
        }
        String t = title == null ? "" : title.strip();
        String b = body == null ? "" : body.replace("\r\n", "\n").strip();
        if (t.isEmpty()) problems.add(new FieldProblem("title", "error.template.title"));
        else if (t.length() > ResponseTemplates.MAX_TITLE) problems.add(new FieldProblem("title", "error.template.title.long"));
        if (b.isEmpty()) problems.add(new FieldProblem("body", "error.template.body"));
        else if (b.length() > ResponseTemplates.MAX_BODY) problems.add(new FieldProblem("body", "error.template.body.long"));
        return problems.isEmpty() ? new Values(agency, t, b) : null;
    }

    public String getAgencyId() {
        return agencyId;
    }

    public void setAgencyId(String agencyId) {
        this.agencyId = agencyId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
