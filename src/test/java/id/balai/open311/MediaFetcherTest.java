package id.balai.open311;

import static org.assertj.core.api.Assertions.assertThat;

import id.balai.platform.PublicAddresses;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The media_url fetch cannot be turned against the server's own network. */
class MediaFetcherTest {

    @Test
    void onlyAddressesOnThePublicInternetAreFetchTargets() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"}) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(internal))).as(internal).isFalse();
        }
        // IPv6 forms that carry an IPv4 address, built byte by byte (the JDK turns ::ffff:a.b.c.d text into IPv4)
        assertThat(PublicAddresses.isPublic(v6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1))).as("mapped loopback").isFalse();
        assertThat(PublicAddresses.isPublic(v6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 1))).as("compatible private").isFalse();
        assertThat(PublicAddresses.isPublic(v6(0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 169, 254, 169, 254))).as("NAT64 metadata").isFalse();
        assertThat(PublicAddresses.isPublic(v6(0x20, 0x02, 192, 168, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))).as("6to4 private").isFalse();
        assertThat(PublicAddresses.isPublic(v6(0x20, 0x02, 8, 8, 8, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))).as("6to4 public").isTrue();
        for (String external : new String[] {"103.10.20.30", "8.8.8.8", "2001:4860:4860::8888", "::ffff:8.8.8.8"}) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(external))).as(external).isTrue();
        }
    }

    @Test
    void aLoopbackOrNonHttpTargetIsRefusedBeforeAnyConnection() {
        MediaFetcher strict = new MediaFetcher(false, DataSize.ofMegabytes(12));
        assertThat(refusal(strict.fetch("http://127.0.0.1:9/foto.jpg"))).isEqualTo("open311.error.media-url.private");
        assertThat(refusal(strict.fetch("http://localhost/foto.jpg"))).isEqualTo("open311.error.media-url.private");
        assertThat(refusal(strict.fetch("http://[::1]/foto.jpg"))).isEqualTo("open311.error.media-url.private");
        assertThat(refusal(strict.fetch("ftp://example.org/foto.jpg"))).isEqualTo("open311.error.media-url.invalid");
        assertThat(refusal(strict.fetch("http://user:pw@example.org/foto.jpg"))).isEqualTo("open311.error.media-url.invalid");
        assertThat(refusal(strict.fetch("http://exa mple.org/"))).isEqualTo("open311.error.media-url.invalid");
    }

    @Test
    void redirectsAreFollowedAFewTimesAndBigFilesAreRefused() throws Exception {
        try (Open311PostTest.PhotoServer server = new Open311PostTest.PhotoServer()) {
            MediaFetcher fetcher = new MediaFetcher(true, DataSize.ofMegabytes(12));
            assertThat(fetcher.fetch(server.url("/pindah.jpg"))).isInstanceOf(MediaFetcher.Photo.class);
            assertThat(refusal(fetcher.fetch(server.url("/tidak-ada.jpg")))).isEqualTo("open311.error.media-url.status");
            MediaFetcher tiny = new MediaFetcher(true, DataSize.ofBytes(100));
            assertThat(refusal(tiny.fetch(server.url("/foto.jpg")))).isEqualTo("open311.error.media-url.large");
        }
    }

    private static InetAddress v6(int... bytes) throws java.net.UnknownHostException {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) b[i] = (byte) bytes[i];
        return java.net.Inet6Address.getByAddress(null, b, -1);
    }

    private static String refusal(MediaFetcher.Fetched fetched) {
        assertThat(fetched).isInstanceOf(MediaFetcher.Refused.class);
        return ((MediaFetcher.Refused) fetched).refusal().messageKey();
    }
}
