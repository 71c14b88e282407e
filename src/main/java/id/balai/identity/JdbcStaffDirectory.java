package id.balai.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
class JdbcStaffDirectory implements StaffDirectory, UserDetailsService {

    static final String COLUMNS = "id, username, full_name, email, role, agency_id, region_code, agency_head, password_hash, enabled, security_version";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    JdbcStaffDirectory(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public StaffPrincipal loadUserByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from staff_account where username = ?")
                .param(username.trim().toLowerCase()).query(JdbcStaffDirectory::map).optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Override
    public Optional<StaffPrincipal> byUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from staff_account where username = ?")
                .param(username).query(JdbcStaffDirectory::map).optional().map(StaffPrincipal::withoutSecret);
    }

    @Override
    public Optional<StaffPrincipal> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from staff_account where id = ?")
                .param(id).query(JdbcStaffDirectory::map).optional().map(StaffPrincipal::withoutSecret);
    }

    @Override
    public List<StaffPrincipal> withRole(StaffRole role) {
        return list("role = ?", role.name());
    }

    @Override
    public List<StaffPrincipal> ofAgency(long agencyId) {
        return list("agency_id = ?", agencyId);
    }

    @Override
    public List<StaffPrincipal> headsOf(long agencyId) {
        return list("agency_id = ? and agency_head = true", agencyId);
    }

    @Override
    public StaffPrincipal create(NewStaff s) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into staff_account (username, full_name, email, role, agency_id, region_code, agency_head, password_hash, enabled)
                values (?, ?, ?, ?, ?, ?, ?, ?, true)""")
                .params(s.username().toLowerCase(), s.fullName(), s.email(), s.role().name(), s.agencyId(), s.regionCode(),
                        s.agencyHead(), passwordEncoder.encode(s.password()))
                .update(keys, "id");
        return byUsername(s.username().toLowerCase()).orElseThrow();
    }

    @Override
    public long count() {
        return jdbc.sql("select count(*) from staff_account").query(Long.class).single();
    }

    private List<StaffPrincipal> list(String where, Object param) {
        return jdbc.sql("select " + COLUMNS + " from staff_account where enabled = true and " + where + " order by username")
                .param(param).query(JdbcStaffDirectory::map).list().stream().map(StaffPrincipal::withoutSecret).toList();
    }

    static StaffPrincipal map(ResultSet rs, int row) throws SQLException {
        long agency = rs.getLong("agency_id");
        Long agencyId = rs.wasNull() ? null : agency;
        return new StaffPrincipal(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"), rs.getString("email"),
                StaffRole.valueOf(rs.getString("role")), agencyId, rs.getString("region_code"), rs.getBoolean("agency_head"),
                rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getInt("security_version"));
    }
}
