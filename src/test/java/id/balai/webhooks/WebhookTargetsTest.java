package id.balai.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Where webhooks may go (SSRF): checked with literal addresses, so no DNS is needed. */
class WebhookTargetsTest {

    static WebhookSettings settings(boolean allowHttp, boolean allowPrivate) {
        return new WebhookSettings(allowHttp, allowPrivate, null, 0, 0, null, null, null, null, 0, null);
    }

    private final WebhookTargets production = new WebhookTargets(settings(false, false));

    @Test
    void onlyAbsoluteHttpsUrlsWithoutCredentialsAreTaken() {
        assertThat(production.problem("https://93.184.216.34/balai/hook?x=1")).isEmpty();
        for (String bad : new String[] {"", "bukan alamat", "ftp://93.184.216.34/", "file:///etc/passwd", "javascript:alert(1)",
                "https://user:pw@93.184.216.34/", "https://93.184.216.34/#x", "//93.184.216.34/", "https:///path", "https://" + "a".repeat(2000)}) {
            assertThat(production.problem(bad)).as(bad).contains("webhook.error.url");
        }
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        assertThat(production.problem("http://93.184.216.34/hook")).contains("webhook.error.url.http");
        assertThat(production.problem("http://tidak-ada.invalid/hook")).contains("webhook.error.url.http");
        assertThat(new WebhookTargets(settings(true, false)).problem("http://93.184.216.34/hook")).isEmpty();
        // to the machine itself http is fine, but that is a private target: only where those are allowed
        assertThat(production.problem("http://127.0.0.1:8081/hook")).contains("webhook.error.url.private");
        assertThat(new WebhookTargets(settings(false, true)).problem("http://127.0.0.1:8081/hook")).isEmpty();
    }

    @Test
    void internalAddressesAreRefusedWhenSubscribingAndWhenDelivering() {
        for (String host : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                "224.0.0.1", "[::1]", "[fd00::1]", "[fe80::1]", "[::ffff:10.0.0.1]"}) {
            assertThat(production.problem("https://" + host + "/hook")).as(host).contains("webhook.error.url.private");
            assertThat(production.refusal(URI.create("https://" + host + "/hook"))).as(host).isPresent();
        }
        assertThat(production.refusal(URI.create("https://93.184.216.34/hook"))).isEmpty();
        assertThat(new WebhookTargets(settings(false, true)).refusal(URI.create("https://10.1.2.3/hook"))).isEmpty();
    }

    @Test
    void anUnknownHostIsNamedAsSuch() {
        assertThat(production.problem("https://tidak-ada.invalid/hook")).contains("webhook.error.url.host");
        assertThat(production.refusal(URI.create("https://tidak-ada.invalid/hook"))).contains("unknown host");
    }
}
