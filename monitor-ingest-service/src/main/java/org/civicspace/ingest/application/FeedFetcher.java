package org.civicspace.ingest.application;

import reactor.core.publisher.Mono;

/** Fetches a feed's document once, safely: refusals and failures are results, not errors. */
public interface FeedFetcher {

    /**
     * One attempt, following redirects; completes with a {@link FetchResult} for every expected
     * outcome (an error signal means a bug).
     */
    Mono<FetchResult> fetch(FetchRequest request);
}
