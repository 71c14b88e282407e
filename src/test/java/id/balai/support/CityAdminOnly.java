package id.balai.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.identity.StaffRole;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Checks that admin pages and actions refuse every demo role but the city admin, and anonymous visitors. */
public final class CityAdminOnly {

    private CityAdminOnly() {}

    /**
     * Each request (a fresh builder each time: a builder keeps the post-processors added to it) gets 403
     * for the complaint desk, an agency admin, a lurah, the leadership and a field officer, all with a
     * valid CSRF token, and a redirect to the log-in page without a log-in.
     */
    public static void check(MockMvc mvc, StaffDirectory staff, List<Supplier<MockHttpServletRequestBuilder>> requests) throws Exception {
        List<StaffPrincipal> others = List.of(staff.byUsername("koordinator").orElseThrow(), staff.byUsername("dpupr").orElseThrow(),
                staff.withRole(StaffRole.LURAH).get(0), staff.byUsername("walikota").orElseThrow(),
                staff.byUsername("petugas.dlh").orElseThrow());
        for (StaffPrincipal other : others) {
            for (Supplier<MockHttpServletRequestBuilder> request : requests) {
                mvc.perform(request.get().with(user(other)).with(csrf())).andExpect(status().isForbidden());
            }
        }
        for (Supplier<MockHttpServletRequestBuilder> request : requests) {
            mvc.perform(request.get().with(csrf())).andExpect(status().is3xxRedirection());
        }
    }
}
