package org.civicspace.ingest.application;

import java.net.URI;
import java.util.Objects;

/**
 * A feed to fetch, with the validators from its last successful fetch (each {@code null} when
 * unknown), sent back verbatim for a conditional GET.
 */
public record FetchRequest(URI url, String etag, String lastModified) {

    public FetchRequest {
        Objects.requireNonNull(url, "url");
    }

    /** An unconditional fetch. */
    public static FetchRequest of(URI url) {
        return new FetchRequest(url, null, null);
    }
}
