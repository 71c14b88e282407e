package id.balai.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;

/** Passwords cannot be guessed through HTTP Basic either, and a log-in keeps no password hash in the session. */
@SpringBootTest(properties = {"balai.demo.enabled=false", "balai.login.window=1h"})
@AutoConfigureMockMvc
class PasswordGuessingTests {

    @Autowired MockMvc mvc;
    @Autowired StaffDirectory staff;

    @Test
    void httpBasicGuessesAtTheMetricsAreCountedLikeFormLogIns() throws Exception {
        String username = newAccount(StaffRole.CITY_ADMIN, "rahasia-kota-1");
        for (int i = 1; i <= 10; i++) {
            mvc.perform(get("/actuator/prometheus").with(httpBasic(username, "salah-" + i)).with(from("10.1.0." + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/actuator/prometheus").with(httpBasic(username, "rahasia-kota-1")).with(from("10.1.0.99")))
                .andExpect(status().is(429)).andExpect(header().string("Retry-After", "60"));
    }

    @Test
    void theRightPasswordOverHttpBasicReadsTheMetrics() throws Exception {
        String username = newAccount(StaffRole.CITY_ADMIN, "rahasia-kota-2");
        mvc.perform(get("/actuator/prometheus").with(httpBasic(username, "rahasia-kota-2")).with(from("10.2.0.1")))
                .andExpect(status().isOk());
    }

    @Test
    void theSessionOfALoggedInOfficerHoldsNoPasswordHash() throws Exception {
        String username = newAccount(StaffRole.COORDINATOR, "rahasia-desk-3");
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/staf/masuk").param("username", username)
                        .param("password", "rahasia-desk-3").with(csrf()).with(from("10.3.0.1")))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
        SecurityContext context = (SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        StaffPrincipal principal = (StaffPrincipal) context.getAuthentication().getPrincipal();
        assertThat(principal.username()).isEqualTo(username);
        assertThat(principal.passwordHash()).isNull();
        assertThat(context.getAuthentication().getCredentials()).isNull();
    }

    private String newAccount(StaffRole role, String password) {
        String username = "uji-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(new StaffDirectory.NewStaff(username, "Uji", null, role, null, null, false, password));
        return username;
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
