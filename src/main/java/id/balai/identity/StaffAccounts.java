package id.balai.identity;

import id.balai.platform.FieldProblem;
import id.balai.organisation.Region;
import id.balai.organisation.RegionLevel;
import id.balai.organisation.Regions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing staff accounts for the city admin: create, change role and scope, deactivate and
 * reactivate, reset a password. Checks every value; refuses to let an admin deactivate or demote
 * themselves, and never leaves the city without an active admin. Every change is also written to the
 * {@link AdminAudit} trail, in its transaction. A password reset, a deactivation or
 * reactivation and a new role or scope move the account's security version, which ends its open
 * sessions ({@link StaffSessionCheck}). Logs each change with account ids and
 * roles only: never a name, address or password (and hashes never leave the database).
 */
@Service
@Transactional
class StaffAccounts {

    static final int MIN_PASSWORD = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be cut silently, so it is refused. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

    private final JdbcClient jdbc;
    private final StaffDirectory directory;
    private final PasswordEncoder passwordEncoder;
    private final Regions regions;
    private final AdminAudit audit;

    StaffAccounts(JdbcClient jdbc, StaffDirectory directory, PasswordEncoder passwordEncoder, Regions regions, AdminAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
        this.regions = regions;
    }

    /** What an admin may set on an account, apart from the user name and password. */
    record Profile(String fullName, String email, StaffRole role, Long agencyId, String regionCode, boolean agencyHead) {

        /** Scope that does not fit the role is dropped: an agency only for OPD roles, a kelurahan only for a lurah. */
        Profile normalised() {
            boolean opd = role == StaffRole.AGENCY_ADMIN || role == StaffRole.FIELD_OFFICER;
            return new Profile(strip(fullName), blankToNull(strip(email)), role, opd ? agencyId : null,
                    role == StaffRole.LURAH ? blankToNull(regionCode) : null, opd && agencyHead);
        }
    }

    /** Every account, active or not, optionally of one role and one agency; without hashes. */
    @Transactional(readOnly = true)
    List<StaffPrincipal> list(StaffRole role, Long agencyId) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (role != null) {
            where.append(" and role = ?");
            params.add(role.name());
        }
        if (agencyId != null) {
            where.append(" and agency_id = ?");
            params.add(agencyId);
        }
        return jdbc.sql("select " + JdbcStaffDirectory.COLUMNS + " from staff_account" + where + " order by enabled desc, role, username")
                .params(params).query(JdbcStaffDirectory::map).list().stream().map(StaffPrincipal::withoutSecret).toList();
    }

    /** An account as the edit form shows it, with the version the form sends back. */
    record Editable(StaffPrincipal account, int version) {}

    @Transactional(readOnly = true)
    Optional<Editable> forEdit(long id) {
        return jdbc.sql("select " + JdbcStaffDirectory.COLUMNS + ", version from staff_account where id = ?").param(id)
                .query((rs, row) -> new Editable(JdbcStaffDirectory.map(rs, row).withoutSecret(), rs.getInt("version"))).optional();
    }

    @Transactional(readOnly = true)
    Optional<StaffPrincipal> byId(long id) {
        return jdbc.sql("select " + JdbcStaffDirectory.COLUMNS + " from staff_account where id = ?").param(id)
                .query(JdbcStaffDirectory::map).optional().map(StaffPrincipal::withoutSecret);
    }

    StaffPrincipal create(StaffPrincipal admin, String username, Profile profile, String password) {
        Profile p = profile.normalised();
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        List<FieldProblem> problems = new ArrayList<>();
        if (!USERNAME.matcher(name).matches()) problems.add(new FieldProblem("username", "error.staff.username"));
        else if (directory.byUsername(name).isPresent()) problems.add(new FieldProblem("username", "error.staff.username.taken"));
        check(p, problems);
        checkPassword(password, problems);
        refuseIf(problems);
        StaffPrincipal created;
        try {
            created = directory.create(new StaffDirectory.NewStaff(name, p.fullName(), p.email(), p.role(), p.agencyId(), p.regionCode(),
                    p.agencyHead(), password));
        } catch (DuplicateKeyException e) {
            throw new Refused(List.of(new FieldProblem("username", "error.staff.username.taken")));
        }
        audit.record(admin, "staff.created", String.valueOf(created.id()));
        log.info("staff: account #{} created with role {} by staff #{}", created.id(), created.role(), admin.id());
        return created;
    }

    /**
     * Changes name, e-mail, role and scope. {@code version} is the one the editor read: an account changed
     * by somebody else since is refused with {@link Conflict}, after the values are checked.
     */
    void update(StaffPrincipal admin, long id, int version, Profile profile) {
        StaffPrincipal current = byId(id).orElseThrow(UnknownAccount::new);
        Profile p = profile.normalised();
        List<FieldProblem> problems = new ArrayList<>();
        check(p, problems);
        if (p.role() != null && p.role() != StaffRole.CITY_ADMIN && current.role() == StaffRole.CITY_ADMIN) {
            if (current.id() == admin.id()) problems.add(new FieldProblem("role", "error.staff.self-demote"));
            else if (current.enabled() && otherActiveAdmins(id) == 0) problems.add(new FieldProblem("role", "error.staff.last-admin"));
        }
        refuseIf(problems);
        // a new role or scope ends the account's open sessions (StaffSessionCheck); a new name or e-mail does not
        boolean access = current.role() != p.role() || !Objects.equals(current.agencyId(), p.agencyId())
                || !Objects.equals(current.regionCode(), p.regionCode());
        // versions only grow: this writes only if nobody changed the profile since the form (and `current`) was read
        int updated = jdbc.sql("""
                update staff_account set full_name = ?, email = ?, role = ?, agency_id = ?, region_code = ?, agency_head = ?,
                    security_version = security_version + ?, version = version + 1 where id = ? and version = ?""")
                .params(p.fullName(), p.email(), p.role().name(), p.agencyId(), p.regionCode(), p.agencyHead(), access ? 1 : 0, id, version)
                .update();
        if (updated == 0) throw new Conflict();
        audit.record(admin, access ? "staff.access-changed" : "staff.changed", String.valueOf(id));
        log.info("staff: account #{} changed (role {} → {}) by staff #{}", id, current.role(), p.role(), admin.id());
    }

    void setEnabled(StaffPrincipal admin, long id, boolean enabled) {
        StaffPrincipal current = byId(id).orElseThrow(UnknownAccount::new);
        if (!enabled && current.id() == admin.id()) throw new Refused(List.of(new FieldProblem("form", "error.staff.self-deactivate")));
        if (!enabled && current.role() == StaffRole.CITY_ADMIN && otherActiveAdmins(id) == 0) {
            throw new Refused(List.of(new FieldProblem("form", "error.staff.last-admin")));
        }
        // a reactivated account must not bring back the sessions it had before
        jdbc.sql("update staff_account set enabled = ?, security_version = security_version + 1 where id = ?").params(enabled, id).update();
        audit.record(admin, enabled ? "staff.reactivated" : "staff.deactivated", String.valueOf(id));
        log.info("staff: account #{} {} by staff #{}", id, enabled ? "reactivated" : "deactivated", admin.id());
    }

    void resetPassword(StaffPrincipal admin, long id, String password) {
        byId(id).orElseThrow(UnknownAccount::new);
        List<FieldProblem> problems = new ArrayList<>();
        checkPassword(password, problems);
        refuseIf(problems);
        jdbc.sql("update staff_account set password_hash = ?, security_version = security_version + 1 where id = ?")
                .params(passwordEncoder.encode(password), id).update();
        audit.record(admin, "staff.password-reset", String.valueOf(id));
        log.info("staff: password of account #{} reset by staff #{}", id, admin.id());
    }

    /**
     * Active city admins besides {@code id}. Their rows stay locked until this transaction ends: two
     * admins deactivating each other at once would otherwise both see the other one and leave none.
     */
    private long otherActiveAdmins(long id) {
        return jdbc.sql("select id from staff_account where role = ? and enabled = true order by id for update")
                .param(StaffRole.CITY_ADMIN.name()).query(Long.class).list().stream().filter(other -> other != id).count();
    }

    private void check(Profile p, List<FieldProblem> problems) {
        if (p.fullName() == null || p.fullName().isEmpty() || p.fullName().length() > 120) {
            problems.add(new FieldProblem("fullName", "error.staff.full-name"));
        }
        if (p.email() != null && (p.email().length() > 200 || !EMAIL.matcher(p.email()).matches())) {
            problems.add(new FieldProblem("email", "error.staff.email"));
        }
        if (p.role() == null) {
            problems.add(new FieldProblem("role", "error.staff.role"));
            return;
        }
        boolean opd = p.role() == StaffRole.AGENCY_ADMIN || p.role() == StaffRole.FIELD_OFFICER;
        if (opd && (p.agencyId() == null || regions.agency(p.agencyId()).isEmpty())) {
            problems.add(new FieldProblem("agencyId", "error.staff.agency"));
        }
        if (p.role() == StaffRole.LURAH && (p.regionCode() == null
                || regions.find(p.regionCode()).map(Region::level).filter(RegionLevel.KELURAHAN::equals).isEmpty())) {
            problems.add(new FieldProblem("regionCode", "error.staff.kelurahan"));
        }
    }

    private static void checkPassword(String password, List<FieldProblem> problems) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            problems.add(new FieldProblem("password", "error.staff.password.short"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            problems.add(new FieldProblem("password", "error.staff.password.long"));
        }
    }

    private static void refuseIf(List<FieldProblem> problems) {
        if (!problems.isEmpty()) throw new Refused(problems);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A change refused for bad values; nothing was stored. */
    static final class Refused extends RuntimeException {
        private final transient List<FieldProblem> problems;

        Refused(List<FieldProblem> problems) {
            super("staff account change refused: " + problems);
            this.problems = List.copyOf(problems);
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }

    /** The account was changed by somebody else since the editor read it; nothing was stored. */
    static final class Conflict extends RuntimeException {
        Conflict() {
            super("staff account changed by somebody else");
        }
    }

    static final class UnknownAccount extends RuntimeException {
        UnknownAccount() {
            super("no such staff account");
        }
    }
}
