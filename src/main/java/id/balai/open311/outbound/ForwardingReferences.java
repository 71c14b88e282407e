package id.balai.open311.outbound;

import id.balai.reports.ExternalReferences;
import java.util.List;
import org.springframework.stereotype.Component;

/** Where a report was forwarded, for staff on the report page. */
@Component
class ForwardingReferences implements ExternalReferences {

    private final Forwardings forwardings;
    private final OutboundSettings settings;

    ForwardingReferences(Forwardings forwardings, OutboundSettings settings) {
        this.forwardings = forwardings;
        this.settings = settings;
    }

    @Override
    public List<Reference> of(long reportId) {
        return forwardings.byReport(reportId).flatMap(f -> settings.endpoint(f.endpointId()).map(e -> new Reference(e.name(),
                f.externalId(), "open311out.state." + f.state().name(), f.state() == Forwardings.State.SENT ? null : f.lastError())))
                .stream().toList();
    }
}
