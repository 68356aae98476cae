package org.civicspace.ingest.application;

import java.net.URI;

/** What one fetch of a feed came to: a body, nothing new, a refusal on our side, or a failure. */
public sealed interface FetchResult {

    /**
     * The feed's bytes, already inflated, with the validators to send next time ({@code null}
     * when the server gave none). The array is handed over, not copied.
     */
    record Ok(byte[] body, String contentType, String etag, String lastModified, URI finalUrl, int status)
            implements FetchResult {
    }

    /** The server answered 304: nothing changed since the validators in the request. */
    record NotModified() implements FetchResult {
    }

    /** We would not fetch it (an address, a redirect or a size we do not allow); retrying will not help. */
    record Refused(String reason) implements FetchResult {
    }

    /**
     * The fetch did not succeed: an HTTP status ({@code status} is 0 when no answer came) or a
     * network error, and whether trying again later may help.
     */
    record Failed(String reason, int status, boolean retryable) implements FetchResult {
    }

    static FetchResult ok(byte[] body, String contentType, String etag, String lastModified, URI finalUrl, int status) {
        return new Ok(body, contentType, etag, lastModified, finalUrl, status);
    }

    static FetchResult notModified() {
        return new NotModified();
    }

    static FetchResult refused(String reason) {
        return new Refused(reason);
    }

    static FetchResult failed(String reason, int status, boolean retryable) {
        return new Failed(reason, status, retryable);
    }
}
