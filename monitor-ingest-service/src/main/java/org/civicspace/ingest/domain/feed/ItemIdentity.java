package org.civicspace.ingest.domain.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The stable identity of a feed item: the same item polled again, or found through a second feed, keeps it. */
public final class ItemIdentity {

    private ItemIdentity() {
    }

    /**
     * {@code link:…} from the normalised link, else {@code guid:…}, else {@code content:…} from a
     * hash of the title and text.
     */
    public static String of(URI link, String guid, URI feedUrl, String title, String text) {
        // The link first: it is what two outlets' feeds share for the same article, while guids are each publisher's own.
        if (link != null) {
            return "link:" + UrlNormaliser.normalise(link);
        }
        if (guid != null && !guid.isBlank()) {
            return "guid:" + scoped(guid.strip(), feedUrl);
        }
        return "content:" + contentHash(title, text);
    }

    // A guid such as "12345" is unique only within its own feed; one with a scheme (tag:, urn:, http:) is global.
    private static String scoped(String guid, URI feedUrl) {
        try {
            if (new URI(guid).getScheme() != null) {
                return guid;
            }
        } catch (URISyntaxException notAUri) {
            // falls through: scoped like any other local guid
        }
        return UrlNormaliser.normalise(feedUrl) + " " + guid;
    }

    // Case and spacing differ between polls of the same item more often than words do.
    private static String contentHash(String title, String text) {
        String canonical = canonical(title) + "\n" + canonical(text);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String canonical(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
