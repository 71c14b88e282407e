package id.balai.identity;

import java.util.List;
import java.util.Optional;

/** Finding staff: for notifications, escalation and demo seeding. */
public interface StaffDirectory {

    Optional<StaffPrincipal> byUsername(String username);

    Optional<StaffPrincipal> byId(long id);

    List<StaffPrincipal> withRole(StaffRole role);

    List<StaffPrincipal> ofAgency(long agencyId);

    /** Heads of an agency (receive the first escalation). */
    List<StaffPrincipal> headsOf(long agencyId);

    /** Creates an account; the password is hashed here and never stored or logged in clear. */
    StaffPrincipal create(NewStaff staff);

    long count();

    record NewStaff(String username, String fullName, String email, StaffRole role, Long agencyId,
            String regionCode, boolean agencyHead, String password) {}
}
