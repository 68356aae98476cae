/**
 * Feeds as fetched (bytes, Content-Type, address) into clean items with stable identities:
 * {@link org.civicspace.ingest.domain.feed.FeedParser} is the way in. Plain Java with Rome and
 * jsoup; no Spring, no Reactor, no network, no logging.
 */
package org.civicspace.ingest.domain.feed;
