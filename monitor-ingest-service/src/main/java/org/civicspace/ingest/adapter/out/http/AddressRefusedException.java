package org.civicspace.ingest.adapter.out.http;

/** A connection the address policy did not allow; becomes a {@code refused} result, never leaves the fetcher. */
final class AddressRefusedException extends RuntimeException {

    AddressRefusedException(String reason) {
        // an expected outcome, not a bug: a stack trace would only cost time
        super(reason, null, false, false);
    }
}
