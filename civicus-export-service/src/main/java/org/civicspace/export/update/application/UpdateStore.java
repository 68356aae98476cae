package org.civicspace.export.update.application;

import org.civicspace.export.update.domain.UpdateVersion;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every version of every update, each kept as it was made. */
public interface UpdateStore {

    /**
     * Keeps a new version; an {@code UpdateConflictException} if the update has that version
     * already (someone else's change landed first), so no change is ever overwritten.
     */
    Mono<UpdateVersion> add(UpdateVersion version);

    Mono<UpdateVersion> latest(String id);

    Mono<UpdateVersion> version(String id, int number);

    /** Oldest first. */
    Flux<UpdateVersion> versions(String id);

    /** The latest version of each update of {@code country} (every country when null), last edited first. */
    Flux<UpdateVersion> latestOf(String country);
}
