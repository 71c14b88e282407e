package id.balai.identity;

import java.time.Instant;
import java.util.List;

/**
 * The admin audit trail: every change to staff accounts, the catalogue (categories, questions, routing
 * rules) and reply templates is recorded with who made it, when, what it was and which record, in the
 * same transaction as the change (a change that is rolled back leaves no entry, and no entry is lost).
 * Only the staff id and the record's id or code are kept: never a name, an address, a password or typed
 * text. The city admin reads the latest entries at {@code /admin/jejak}.
 */
public interface AdminAudit {

    /**
     * Records {@code action} (e.g. {@code category.changed}) on {@code subject} (the record's id or code)
     * by the staff member signed in now; by the system when nobody is (the demo seed at start-up). Must be
     * called inside the change's transaction.
     */
    void record(String action, String subject);

    /** The same by a staff member the caller names. */
    void record(StaffPrincipal by, String action, String subject);

    /** The newest entries first. */
    List<Entry> latest(int limit);

    /** One change: {@code staffId} is null for the system. */
    record Entry(long id, Instant at, Long staffId, String action, String subject) {}
}
