package org.civicspace.ingest.domain.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** What a feed's URL, and each redirect from it, must be: http or https with a host, and never down from https to http. */
public final class FeedUrls {

    private FeedUrls() {
    }

    /** Why {@code url} may not be fetched at all; empty when it may. */
    public static Optional<String> refusal(URI url) {
        return refusal("the URL " + shown(url), url);
    }

    /** The absolute URL a {@code Location} header points to, relative to the URL that answered with it; empty if it is no URL. */
    public static Optional<URI> resolve(URI from, String location) {
        try {
            return Optional.of(from.resolve(location.trim()));
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
    }

    /** Why a redirect from {@code from} to {@code to} may not be followed; empty when it may. */
    public static Optional<String> redirectRefusal(URI from, URI to) {
        Optional<String> refusal = refusal("the redirect to " + shown(to), to);
        if (refusal.isPresent()) {
            return refusal;
        }
        // a feed first reached over https must not continue in clear text, where anyone on the path could rewrite it
        if ("https".equals(scheme(from)) && "http".equals(scheme(to))) {
            return Optional.of("the redirect to " + shown(to) + " would downgrade from https");
        }
        return Optional.empty();
    }

    private static Optional<String> refusal(String what, URI url) {
        String scheme = scheme(url);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return Optional.of(what + " is not http or https");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return Optional.of(what + " has no host name");
        }
        return Optional.empty();
    }

    /** A URL cut short: a redirect's target comes from the server and ends up in the feed's health. */
    private static String shown(URI url) {
        String text = url.toString();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static String scheme(URI url) {
        return url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    }
}
