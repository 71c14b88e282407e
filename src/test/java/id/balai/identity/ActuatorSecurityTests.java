package id.balai.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** {@code /actuator/**} other than health is for the city admin only. */
@SpringBootTest(properties = "balai.demo.enabled=false")
@AutoConfigureMockMvc
class ActuatorSecurityTests {

    @Autowired MockMvc mvc;
    @Autowired StaffDirectory staff;

    static StaffPrincipal principal(StaffRole role) {
        return new StaffPrincipal(700 + role.ordinal(), "user-" + role, "Staf", null, role, null, null, false, null, true, 0);
    }

    @Test
    void prometheusMetricsAreNotShownToAnonymousVisitors() throws Exception {
        MvcResult plain = mvc.perform(get("/actuator/prometheus")).andReturn();
        assertThat(plain.getResponse().getStatus()).isIn(401, 302);
        assertThat(plain.getResponse().getContentAsString()).doesNotContain("jvm_memory");
        if (plain.getResponse().getStatus() == 302) assertThat(plain.getResponse().getRedirectedUrl()).endsWith("/staf/masuk");

        mvc.perform(get("/actuator/prometheus").accept(MediaType.TEXT_HTML)).andExpect(status().isUnauthorized());
    }

    @Test
    void prometheusMetricsAreForbiddenToACoordinator() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(user(principal(StaffRole.COORDINATOR)))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(user(principal(StaffRole.LEADER)))).andExpect(status().isForbidden());
    }

    @Test
    void prometheusMetricsAreShownToTheCityAdmin() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(user(principal(StaffRole.CITY_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")))
                .andExpect(content().string(Matchers.containsString("http_server_requests")))
                // every request is timed as a whole, not once per security filter (that halved the kept pages' rate)
                .andExpect(content().string(Matchers.not(Matchers.containsString("spring_security_filterchains"))));
    }

    @Test
    void aScraperCanReadMetricsWithTheCityAdminsHttpBasicCredentials() throws Exception {
        String username = "prometheus-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(new StaffDirectory.NewStaff(username, "Pemantau", null, StaffRole.CITY_ADMIN, null, null, false, "sandi-pemantau"));
        mvc.perform(get("/actuator/prometheus").with(httpBasic(username, "sandi-pemantau")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")));
        mvc.perform(get("/actuator/prometheus").with(httpBasic(username, "salah"))).andExpect(status().isUnauthorized());
    }
}
