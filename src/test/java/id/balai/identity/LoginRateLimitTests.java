package id.balai.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Log-in attempts are limited to {@code balai.login.attempts} (10) per {@code balai.login.window} per user
 * name and per client address. The tests use a one-hour window, so no attempt refills while they run.
 */
@SpringBootTest(properties = {"balai.demo.enabled=false", "balai.login.window=1h"})
@AutoConfigureMockMvc
class LoginRateLimitTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired MockMvc mvc;
    @Autowired StaffDirectory staff;

    @Test
    void theEleventhAttemptForOneNameWithinAMinuteIsRefusedEvenWithTheRightPassword() throws Exception {
        String username = account("benar-sekali-123");
        // Each attempt from another address: only the per-name limit can stop the eleventh.
        for (int i = 1; i <= 10; i++) {
            logIn(username, "salah-" + i, freshAddress()).andExpect(redirectedUrl("/staf/masuk?gagal"));
        }
        logIn(username, "salah-11", freshAddress()).andExpect(redirectedUrl("/staf/masuk?terlalu-sering"));
        logIn(username, "benar-sekali-123", freshAddress()).andExpect(redirectedUrl("/staf/masuk?terlalu-sering"));

        mvc.perform(get("/staf/masuk").param("terlalu-sering", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Terlalu banyak percobaan masuk")));
    }

    @Test
    void theEleventhAttemptFromOneAddressWithinAMinuteIsRefusedWhateverTheName() throws Exception {
        RequestPostProcessor address = freshAddress();
        String username = account("kata-sandi-benar");
        for (int i = 1; i <= 10; i++) {
            logIn("tidak-ada-" + i + "-" + UUID.randomUUID(), "salah", address).andExpect(redirectedUrl("/staf/masuk?gagal"));
        }
        logIn(username, "kata-sandi-benar", address).andExpect(redirectedUrl("/staf/masuk?terlalu-sering"));
    }

    @Test
    void aCorrectLogInWithAnotherNameFromAnotherAddressStillWorks() throws Exception {
        String locked = account("sandi-pertama");
        RequestPostProcessor address = freshAddress();
        for (int i = 1; i <= 11; i++) logIn(locked, "salah", freshAddress());

        String other = account("sandi-kedua");
        logIn(other, "sandi-kedua", address).andExpect(status().isFound()).andExpect(redirectedUrl("/staf"));
    }

    private String account(String password) {
        String username = "staf-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(new StaffDirectory.NewStaff(username, "Staf Uji", null, StaffRole.COORDINATOR, null, null, false, password));
        return username;
    }

    private ResultActions logIn(String username, String password, RequestPostProcessor address) throws Exception {
        // Tomcat gives the servlet path "/staf/masuk" for the DispatcherServlet mapped to "/"; MockMvc leaves it
        // empty unless told, and the limiter matches on it.
        return mvc.perform(post("/staf/masuk").servletPath("/staf/masuk").with(csrf()).with(address)
                .param("username", username).param("password", password));
    }

    private static RequestPostProcessor freshAddress() {
        String ip = "10.77." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.getAndIncrement() % 250 + 1);
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }
}
