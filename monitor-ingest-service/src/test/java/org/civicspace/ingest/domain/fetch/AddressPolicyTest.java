package org.civicspace.ingest.domain.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every address here is built from bytes: nothing is looked up, nothing is connected to. */
class AddressPolicyTest {

    private final AddressPolicy strict = new AddressPolicy(List.of());

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "0.0.0.0,         unspecified",
            "0.1.2.3,         unspecified",
            "127.0.0.1,       loopback",
            "127.255.255.254, loopback",
            "10.0.0.1,        private",
            "10.255.255.255,  private",
            "172.16.0.1,      private",
            "172.31.255.255,  private",
            "192.168.1.1,     private",
            "169.254.0.1,     link-local",
            "100.64.0.1,      shared (carrier-grade NAT)",
            "100.127.255.255, shared (carrier-grade NAT)",
            "224.0.0.1,       multicast",
            "239.255.255.250, multicast",
            "240.0.0.1,       reserved",
            "255.255.255.255, reserved",
            "192.0.2.10,      reserved",
            "198.18.0.1,      reserved",
            "::,              unspecified",
            "::1,             loopback",
            "fe80::1,         link-local",
            "fc00::1,         unique-local",
            "fd12:3456::1,    unique-local",
            "fec0::1,         private",
            "ff02::1,         multicast",
            "2001:db8::1,     reserved",
            "::10.0.0.1,      reserved",
            "64:ff9b::a00:1,  private",
            "64:ff9b::7f00:1, loopback",
            "2002:a00:1::1,   private",
            "2002:7f00:1::,   loopback"})
    void refusesEveryForbiddenRange(String ip, String kind) throws Exception {
        assertThat(strict.refusal("feed.example", address(ip)))
                .hasValueSatisfying(reason -> assertThat(reason).contains(" is " + kind + ", and "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "11.0.0.1", "192.169.0.1",
            "2606:4700::6810:84e5", "2a00:1450:4001::200e", "64:ff9b::808:808", "2002:808:808::1"})
    void allowsPublicAddresses(String ip) throws Exception {
        assertThat(strict.refusal("feed.example", address(ip))).isEmpty();
    }

    @Test
    void saysWhichAddressOfWhichHostIsRefusedAndWhy() throws Exception {
        assertThat(strict.refusal("intranet.example", address("10.1.2.3"))).contains(
                "the address 10.1.2.3 of intranet.example is private, and private addresses are not allowed");
        assertThat(strict.refusal("::1", address("::1"))).contains(
                "the address ::1 is loopback, and loopback addresses are not allowed");
    }

    @Test
    void refusesTheMetadataAddressByName() throws Exception {
        assertThat(strict.refusal("metadata.google.internal", address("169.254.169.254"))).contains(
                "the address 169.254.169.254 of metadata.google.internal is a cloud metadata address,"
                        + " and those are never allowed");
        assertThat(strict.refusal("fd00:ec2::254", address("fd00:ec2::254")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("cloud metadata"));
    }

    @Test
    void refusesMetadataEvenWhenItsHostOrAddressIsAllowListed() throws Exception {
        AddressPolicy lenient = new AddressPolicy(List.of("169.254.169.254", "feeds.internal"));

        assertThat(lenient.refusal("169.254.169.254", address("169.254.169.254"))).isPresent();
        assertThat(lenient.refusal("feeds.internal", address("169.254.169.254"))).isPresent();
        assertThat(lenient.refusal("feeds.internal", mapped(169, 254, 169, 254))).isPresent();
    }

    @Test
    void judgesAnIpv4MappedIpv6AddressByItsIpv4Address() throws Exception {
        // the JDK turns ::ffff:a.b.c.d into an IPv4 address when parsing; a resolver may hand over the IPv6 form
        assertThat(strict.refusal("feed.example", mapped(10, 0, 0, 1))).contains(
                "the address ::ffff:a00:1 (10.0.0.1) of feed.example is private, and private addresses are not allowed");
        assertThat(strict.refusal("feed.example", mapped(127, 0, 0, 1)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("loopback"));
        assertThat(strict.refusal("feed.example", mapped(8, 8, 8, 8))).isEmpty();
    }

    @Test
    void allowsAListedHostNameWhateverItResolvesTo() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of("Feeds.Local"));

        assertThat(policy.refusal("feeds.local", address("10.0.0.7"))).isEmpty();
        assertThat(policy.refusal("FEEDS.LOCAL.", address("127.0.0.1"))).isEmpty();
        assertThat(policy.refusal("other.local", address("10.0.0.7"))).isPresent();
    }

    @Test
    void allowsAListedAddressWhateverNameLedToIt() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of("127.0.0.1", "[::1]", " "));

        assertThat(policy.refusal("127.0.0.1", address("127.0.0.1"))).isEmpty();
        assertThat(policy.refusal("localhost", address("127.0.0.1"))).isEmpty();
        assertThat(policy.refusal("[::1]", address("::1"))).isEmpty();
        assertThat(policy.refusal("feed.example", mapped(127, 0, 0, 1))).isEmpty();
        assertThat(policy.refusal("127.0.0.2", address("127.0.0.2"))).isPresent();
    }

    private static InetAddress address(String ip) throws UnknownHostException {
        // brackets keep the JDK from ever treating the text as a name to look up
        return ip.contains(":") ? InetAddress.getByName("[" + ip + "]") : InetAddress.getByAddress(ipv4(ip));
    }

    private static byte[] ipv4(String ip) {
        String[] parts = ip.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }

    /** A true {@link Inet6Address} in the ::ffff:a.b.c.d form, which InetAddress.getByAddress would turn into IPv4. */
    private static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        return Inet6Address.getByAddress(null, bytes, -1);
    }
}
