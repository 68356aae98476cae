package org.civicspace.alert.domain.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which webhook targets may be called. A URL must be http or https with a host; an address must
 * be a public one. Loopback, private, link-local, unique-local, carrier-grade NAT, unspecified and
 * multicast addresses are refused unless their host name or the address itself is on the
 * allow-list; cloud metadata addresses are refused even then, because a name someone re-points at
 * them would hand out the machine's credentials. Nothing here resolves a name or opens a socket.
 */
public final class WebhookTargets {

    private static final Set<String> METADATA = Set.of("169.254.169.254", "169.254.170.2", "100.100.100.200",
            "fd00:ec2:0:0:0:0:0:254");

    private final Set<String> allowed;

    /** @param allowPrivateHosts host names and IP addresses (IPv6 with or without brackets) that may be private */
    public WebhookTargets(Collection<String> allowPrivateHosts) {
        this.allowed = allowPrivateHosts.stream().map(WebhookTargets::normalise).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The URL to call, or why it may not be called. */
    public static URI parse(String url) throws RefusedTarget {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new RefusedTarget("the webhook URL is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedTarget("the webhook URL must be http or https, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedTarget("the webhook URL has no host");
        }
        return uri;
    }

    /** Why {@code address}, which {@code host} resolved to, may not be connected to; empty when it may. */
    public Optional<String> refusal(String host, InetAddress address) {
        String literal = normalise(address.getHostAddress());
        String where = "the address " + literal + (normalise(host).equals(literal) ? "" : " of " + host);
        if (METADATA.contains(literal)) {
            return Optional.of(where + " is a cloud metadata address, which is never called");
        }
        String kind = kindOf(address);
        if (kind == null || allowed.contains(normalise(host)) || allowed.contains(literal)) {
            return Optional.empty();
        }
        return Optional.of(where + " is " + kind + "; add it to civicspace.alert.webhooks.allow-private-hosts"
                + " to allow it");
    }

    /** What makes an address non-public, in words; null for a public one. */
    private static String kindOf(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return "a carrier-grade NAT address";
        }
        if (address instanceof Inet4Address && (b[0] & 0xff) == 0) {
            return "unspecified";
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a unique-local address";
            }
            Optional<InetAddress> inner = embeddedIpv4(b);
            if (inner.isPresent()) {
                String innerKind = kindOf(inner.get());
                return innerKind == null ? null : innerKind + " in IPv6 clothing";
            }
        }
        return null;
    }

    /** The IPv4 address an IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) address reaches. */
    private static Optional<InetAddress> embeddedIpv4(byte[] b) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= b[i] == 0;
        }
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (!compatible && !nat64) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String normalise(String host) {
        String name = host == null ? "" : host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        int zone = name.indexOf('%');
        if (zone > 0) {
            name = name.substring(0, zone);
        }
        if (name.contains(":")) {
            // one spelling per IPv6 address, as the JDK writes it, so "::1" and "0:0:0:0:0:0:0:1" match
            try {
                return InetAddress.getByName("[" + name + "]").getHostAddress();
            } catch (UnknownHostException e) {
                return name;
            }
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** A target that is never called, with the reason in plain words. */
    public static final class RefusedTarget extends Exception {

        public RefusedTarget(String reason) {
            super(reason, null, false, false);
        }
    }
}
