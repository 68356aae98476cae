package org.civicspace.ingest.domain.feed;

import java.net.IDN;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The one spelling of a link that outlets, feeds and polls agree on, for recognising the same article. */
public final class UrlNormaliser {

    // Click-tracking parameters say who sent the reader, not what the page is; yclid and
    // _openstat are Yandex's, common in Russian-language feeds.
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "yclid", "_openstat", "mc_cid", "mc_eid");
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9a-fA-F]{2}");
    private static final String HEX = "0123456789ABCDEF";

    private UrlNormaliser() {
    }

    /**
     * Lower-case scheme and host (an internationalised host in its ASCII form), no default port,
     * no user info, no fragment, no tracking parameters, the other parameters sorted, no
     * trailing slash. Only absolute http and https links have one.
     *
     * @throws IllegalArgumentException for a relative link or another scheme
     */
    public static String normalise(URI link) {
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("only absolute http and https links are normalised: " + link);
        }
        URI url = link.normalize();
        String authority = url.getRawAuthority() == null ? "" : url.getRawAuthority();
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host = authority;
        int port = -1;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && colon > authority.lastIndexOf(']')) {
            host = authority.substring(0, colon);
            String digits = authority.substring(colon + 1);
            port = digits.isEmpty() ? -1 : Integer.parseInt(digits);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("a link without a host: " + link);
        }
        // пример.рф and xn--e1afmkfd.xn--p1ai are the same host, and feeds use both
        host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);

        StringBuilder out = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        out.append(canonicalEscapes(path));
        String query = query(url.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static String query(String rawQuery) {
        if (rawQuery == null) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(parameter -> !parameter.isEmpty() && !isTracking(parameter))
                .map(UrlNormaliser::canonicalEscapes)
                .sorted()
                .collect(Collectors.joining("&"));
    }

    private static boolean isTracking(String parameter) {
        int equals = parameter.indexOf('=');
        String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING.contains(name);
    }

    // /новости and /%D0%BD%D0%BE… are the same path, as are %2f and %2F: pick one spelling of each
    private static String canonicalEscapes(String raw) {
        StringBuilder ascii = new StringBuilder(raw.length());
        raw.codePoints().forEach(codePoint -> {
            if (codePoint < 0x80) {
                ascii.appendCodePoint(codePoint);
            } else {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    ascii.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
                }
            }
        });
        Matcher escape = PERCENT_ESCAPE.matcher(ascii);
        return escape.replaceAll(match -> match.group().toUpperCase(Locale.ROOT));
    }
}
