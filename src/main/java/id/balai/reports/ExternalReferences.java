package id.balai.reports;

import java.util.List;

/**
 * What other systems call a report, for staff on the report page (e.g. the provincial system it was
 * forwarded to, its number there and how far the hand-over got). Implemented by the modules that pass
 * reports on; the reports module only shows what they answer.
 */
public interface ExternalReferences {

    List<Reference> of(long reportId);

    /**
     * {@code externalId} may be null while the other system has not given one; {@code stateKey} is a message
     * key for the state; {@code problem} the last error, if any (the other system's own words).
     */
    record Reference(String system, String externalId, String stateKey, String problem) {}
}
