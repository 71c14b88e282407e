package id.balai.open311.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client that talks to other Open311 systems sends nothing into the server's own network. */
class Open311ClientTest {

    @Test
    void anEndpointOnAnInternalAddressGetsNothingUnlessTheInstallAllowsIt() throws Exception {
        try (var fake = new FakeOpen311Server()) {
            Endpoint endpoint = new Endpoint(1, "Sistem Provinsi", fake.baseUrl(), "kunci", "kunc…", null, "json", true, null);
            Open311Client strict = new Open311Client(Duration.ofSeconds(2), Duration.ofSeconds(5), false);
            Open311Client.Answer refused = strict.post(endpoint, "requests", List.of(Map.entry("service_code", "WASTE")));
            assertThat(refused.ok()).isFalse();
            assertThat(refused.error()).startsWith("refused: 127.0.0.1");
            assertThat(fake.received).isEmpty();
            assertThat(strict.refusedHost("localhost")).isPresent();

            Open311Client closedNetwork = new Open311Client(Duration.ofSeconds(2), Duration.ofSeconds(5), true);
            assertThat(closedNetwork.post(endpoint, "requests", List.of(Map.entry("service_code", "WASTE"))).ok()).isTrue();
            assertThat(fake.posts()).hasSize(1);
        }
    }
}
