package id.balai.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A logged-in staff member. {@code agencyId} is set for agency roles, {@code regionCode} for a lurah;
 * {@code agencyHead} marks the head of an OPD, who receives escalations. {@code securityVersion} is the
 * account's security version when this copy was read: a session keeps the one it logged in with, and
 * ends once an admin has reset the password, deactivated the account or changed its role or scope.
 */
public record StaffPrincipal(long id, String username, String fullName, String email, StaffRole role,
        Long agencyId, String regionCode, boolean agencyHead, String passwordHash, boolean enabled, int securityVersion)
        implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The same principal without its hash, safe to keep in a session. */
    public StaffPrincipal withoutSecret() {
        return new StaffPrincipal(id, username, fullName, email, role, agencyId, regionCode, agencyHead, null, enabled, securityVersion);
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + username + ", " + role + "]";
    }
}
