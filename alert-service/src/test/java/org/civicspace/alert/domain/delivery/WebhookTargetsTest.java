package org.civicspace.alert.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Addresses are IP literals, parsed without any lookup; nothing here opens a connection. */
class WebhookTargetsTest {

    private final WebhookTargets closed = new WebhookTargets(List.of());
    private final WebhookTargets allowingLoopbackOne = new WebhookTargets(List.of("127.0.0.1", "[::1]", "hooks.lan"));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "10.1.2.3", "172.16.0.9", "192.168.1.10", "169.254.10.1",
            "100.64.0.7", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1", "fd12:3456::1", "::ffff:10.0.0.1",
            "64:ff9b::a00:1"})
    void refusesNonPublicAddresses(String literal) throws Exception {
        assertThat(closed.refusal("receiver.example.org", ip(literal))).hasValueSatisfying(reason ->
                assertThat(reason).contains("receiver.example.org", "allow-private-hosts"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"})
    void allowsPublicAddresses(String literal) throws Exception {
        assertThat(closed.refusal("receiver.example.org", ip(literal))).isEmpty();
    }

    @Test
    void allowsListedAddressesAndHostsOnly() throws Exception {
        assertThat(allowingLoopbackOne.refusal("127.0.0.1", ip("127.0.0.1"))).isEmpty();
        assertThat(allowingLoopbackOne.refusal("localhost", ip("::1"))).isEmpty();
        assertThat(allowingLoopbackOne.refusal("HOOKS.lan.", ip("192.168.5.5"))).isEmpty();
        assertThat(allowingLoopbackOne.refusal("127.0.0.2", ip("127.0.0.2")))
                .hasValue("the address 127.0.0.2 is a loopback address; add it to"
                        + " civicspace.alert.webhooks.allow-private-hosts to allow it");
    }

    @Test
    void neverAllowsCloudMetadataAddressesEvenWhenListed() throws Exception {
        WebhookTargets listed = new WebhookTargets(List.of("169.254.169.254", "metadata.lan"));

        assertThat(listed.refusal("169.254.169.254", ip("169.254.169.254"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("cloud metadata"));
        assertThat(listed.refusal("metadata.lan", ip("169.254.169.254"))).isPresent();
        assertThat(listed.refusal("x.example.org", ip("fd00:ec2::254"))).isPresent();
    }

    @Test
    void acceptsOnlyHttpAndHttpsUrlsWithAHost() throws Exception {
        assertThat(WebhookTargets.parse("https://hooks.example.org/in?token=1").getHost()).isEqualTo("hooks.example.org");
        assertThat(WebhookTargets.parse("HTTP://127.0.0.1:8080/x").getPort()).isEqualTo(8080);
        for (String bad : new String[] {"ftp://example.org/x", "file:///etc/passwd", "gopher://h/", "http:///nohost",
                "not a url", "", null}) {
            assertThatThrownBy(() -> WebhookTargets.parse(bad)).as(bad)
                    .isInstanceOf(WebhookTargets.RefusedTarget.class);
        }
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : literal);
    }
}
