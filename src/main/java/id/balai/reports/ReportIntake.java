package id.balai.reports;

import id.balai.platform.FieldProblem;
import java.util.List;
import java.util.Map;

/**
 * Files a report from another channel (the Open311 API; later chat apps) exactly as the web form does:
 * the same checks, routing, SLA, notifications and events. Reports from channels are anonymous to the
 * public: the name a partner system sends is kept for staff only.
 */
public interface ReportIntake {

    Result submit(Submission submission);

    /** The report already filed with this submission key, if any: a channel's retry is answered before anything else is checked. */
    java.util.Optional<Filed> filed(String key);

    /**
     * What a channel sends. {@code key} makes a retry safe (the same key answers the same report);
     * {@code answers} are the category's extra questions by code; {@code photos} are uploads, checked
     * by their content; {@code channel} a code such as {@code OPEN311}.
     */
    record Submission(String key, String categoryCode, String description, Double lat, Double lon, String address,
            String name, String phone, String email, Map<String, String> answers, List<byte[]> photos, String channel) {}

    sealed interface Result permits Filed, Refused {}

    /** Saved (or saved before, when {@code repeated}); {@code verifyDays} is the category's deadline to verify it. */
    record Filed(String trackingCode, boolean repeated, int verifyDays) implements Result {}

    /** Nothing saved: every problem, each naming the form field (location, categoryId, description, answers[CODE], photos, …). */
    record Refused(List<FieldProblem> problems) implements Result {}
}
