package org.civicspace.ingest.domain.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Which addresses a feed may be fetched from: public ones, and private ones only when allowed by name or address. */
public final class AddressPolicy {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** Exact cloud metadata endpoints: never allowed, not even through the allow-list (see {@link #refusal}). */
    private static final Set<InetAddress> METADATA = Set.of(
            literal("169.254.169.254"), literal("169.254.170.2"), literal("100.100.100.200"), literal("fd00:ec2::254"));

    private static final List<Block> BLOCKS = List.of(
            new Block("0.0.0.0", 8, Kind.UNSPECIFIED),
            new Block("10.0.0.0", 8, Kind.PRIVATE),
            new Block("100.64.0.0", 10, Kind.SHARED),
            new Block("127.0.0.0", 8, Kind.LOOPBACK),
            new Block("169.254.0.0", 16, Kind.LINK_LOCAL),
            new Block("172.16.0.0", 12, Kind.PRIVATE),
            new Block("192.0.0.0", 24, Kind.RESERVED),
            new Block("192.0.2.0", 24, Kind.RESERVED),
            new Block("192.168.0.0", 16, Kind.PRIVATE),
            new Block("198.18.0.0", 15, Kind.RESERVED),
            new Block("198.51.100.0", 24, Kind.RESERVED),
            new Block("203.0.113.0", 24, Kind.RESERVED),
            new Block("224.0.0.0", 4, Kind.MULTICAST),
            new Block("240.0.0.0", 4, Kind.RESERVED),
            new Block("::", 128, Kind.UNSPECIFIED),
            new Block("::1", 128, Kind.LOOPBACK),
            // the rest of ::/96 is the deprecated IPv4-compatible form, which nothing should route
            new Block("::", 96, Kind.RESERVED),
            new Block("64:ff9b:1::", 48, Kind.RESERVED),
            new Block("100::", 64, Kind.RESERVED),
            new Block("2001:db8::", 32, Kind.RESERVED),
            new Block("fc00::", 7, Kind.UNIQUE_LOCAL),
            new Block("fe80::", 10, Kind.LINK_LOCAL),
            new Block("fec0::", 10, Kind.PRIVATE),
            new Block("ff00::", 8, Kind.MULTICAST));

    private final Set<String> allowedHosts = new HashSet<>();
    private final Set<InetAddress> allowedAddresses = new HashSet<>();

    /**
     * @param allowPrivateHosts host names (any address they resolve to is allowed) and IP addresses
     *                          (allowed whatever name led to them), e.g. {@code 127.0.0.1}, {@code [::1]}, {@code feeds.local}
     */
    public AddressPolicy(Collection<String> allowPrivateHosts) {
        for (String entry : allowPrivateHosts) {
            String host = normalise(entry);
            if (host.isEmpty()) {
                continue;
            }
            if (IPV4_LITERAL.matcher(host).matches() || host.contains(":")) {
                allowedAddresses.add(literal(host));
            } else {
                allowedHosts.add(host);
            }
        }
    }

    /**
     * Why {@code address}, which {@code host} resolved to, may not be connected to; empty when it may.
     * Cloud metadata addresses are refused even when allow-listed: an allow-listed name that someone
     * re-points at the metadata service must not hand out the machine's credentials.
     */
    public Optional<String> refusal(String host, InetAddress address) {
        InetAddress effective = embeddedIpv4(address).orElse(address);
        String where = "the address " + text(address) + (effective == address ? "" : " (" + text(effective) + ")")
                + (sameAs(host, address) ? "" : " of " + host);
        if (METADATA.contains(effective) || METADATA.contains(address)) {
            return Optional.of(where + " is a cloud metadata address, and those are never allowed");
        }
        Kind kind = classify(effective);
        if (kind == null || allowedHosts.contains(normalise(host))
                || allowedAddresses.contains(address) || allowedAddresses.contains(effective)) {
            return Optional.empty();
        }
        return Optional.of(where + " is " + kind.words + ", and " + kind.plural + " are not allowed");
    }

    private static Kind classify(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : BLOCKS) {
            if (block.contains(bytes)) {
                return block.kind;
            }
        }
        return null;
    }

    /**
     * The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) or 6to4
     * (2002:aabb:ccdd::) address: each of those reaches that IPv4 address, so it is what gets judged.
     */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        boolean mapped = allZero(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && allZero(b, 4, 12);
        if (mapped || nat64) {
            return Optional.of(ipv4(Arrays.copyOfRange(b, 12, 16)));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Optional.of(ipv4(Arrays.copyOfRange(b, 2, 6)));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean sameAs(String host, InetAddress address) {
        String name = normalise(host);
        return name.isEmpty() || name.equals(text(address)) || name.equals(address.getHostAddress());
    }

    private static String normalise(String host) {
        String name = host == null ? "" : host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        // "example.org." and "example.org" are the same host
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** Parses an IP literal without ever asking DNS: brackets make the JDK treat the text as IPv6 only. */
    private static InetAddress literal(String ip) {
        try {
            if (IPV4_LITERAL.matcher(ip).matches()) {
                String[] parts = ip.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int part = Integer.parseInt(parts[i]);
                    if (part > 255) {
                        throw new IllegalArgumentException("not an IPv4 address: " + ip);
                    }
                    bytes[i] = (byte) part;
                }
                return InetAddress.getByAddress(bytes);
            }
            return InetAddress.getByName("[" + ip + "]");
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + ip, e);
        }
    }

    /** The usual short text of an address: 10.1.2.3, ::1, fd00::5 (the JDK writes 0:0:0:0:0:0:0:1). */
    static String text(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private enum Kind {
        UNSPECIFIED("unspecified"), LOOPBACK("loopback"), PRIVATE("private"), LINK_LOCAL("link-local"),
        SHARED("shared (carrier-grade NAT)", "carrier-grade NAT"), UNIQUE_LOCAL("unique-local"),
        MULTICAST("multicast"), RESERVED("reserved");

        final String words;
        final String plural;

        Kind(String words) {
            this(words, words);
        }

        Kind(String words, String kindOfAddresses) {
            this.words = words;
            this.plural = kindOfAddresses + " addresses";
        }
    }

    private record Block(byte[] prefix, int bits, Kind kind) {

        Block(String prefix, int bits, Kind kind) {
            this(literal(prefix).getAddress(), bits, kind);
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
        }
    }
}
