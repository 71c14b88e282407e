package id.balai.support;

import id.balai.identity.AdminAudit;
import id.balai.identity.StaffPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An {@link AdminAudit} for plain persistence tests: keeps what was recorded, as "action subject", in memory. */
public final class RecordedAudit implements AdminAudit {

    private final List<String> recorded = new ArrayList<>();

    @Override
    public synchronized void record(String action, String subject) {
        recorded.add(action + " " + subject);
    }

    @Override
    public synchronized void record(StaffPrincipal by, String action, String subject) {
        recorded.add(action + " " + subject);
    }

    @Override
    public synchronized List<Entry> latest(int limit) {
        List<Entry> entries = new ArrayList<>();
        for (int i = recorded.size() - 1; i >= 0 && entries.size() < limit; i--) {
            String[] parts = recorded.get(i).split(" ", 2);
            entries.add(new Entry(i + 1, Instant.EPOCH, null, parts[0], parts[1]));
        }
        return entries;
    }

    /** Everything recorded so far, oldest first, as "action subject". */
    public synchronized List<String> recorded() {
        return List.copyOf(recorded);
    }
}
