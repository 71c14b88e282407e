package id.balai.platform;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether an address is on the public internet: the one rule for every place where Balai connects to an
 * address someone else chose (a partner's media_url, a webhook subscriber), so that the server cannot be
 * turned against its own network (SSRF). Refused: loopback, "this network", private and carrier-grade NAT
 * ranges, link-local (the cloud metadata address), multicast, reserved and benchmarking ranges, IPv6
 * unique-local, and IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4), judged by the
 * IPv4 address inside.
 */
public final class PublicAddresses {

    private PublicAddresses() {}

    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) return false;
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return false; // unique local fc00::/7
            if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) return isPublic(v4(b, 12)); // ::ffff:a.b.c.d
            if (zeros(b, 0, 12)) return isPublic(v4(b, 12)); // ::a.b.c.d (:: and ::1 were refused above)
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zeros(b, 4, 12)) {
                return isPublic(v4(b, 12)); // NAT64 64:ff9b::/96
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) return isPublic(v4(b, 2)); // 6to4 2002::/16
            return true;
        }
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            if (first == 0) return false; // "this network"
            if (first == 100 && second >= 64 && second <= 127) return false; // carrier-grade NAT 100.64.0.0/10
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) return false; // IETF protocol assignments
            if (first == 198 && (second == 18 || second == 19)) return false; // benchmarking 198.18.0.0/15
            if (first >= 240) return false; // reserved and broadcast
        }
        return true;
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }

    private static InetAddress v4(byte[] b, int at) {
        try {
            return InetAddress.getByAddress(new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }
}
