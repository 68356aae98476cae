package org.civicspace.export.application;

import java.util.List;

import org.civicspace.export.domain.ArchivedReport;
import org.civicspace.export.domain.Caller;
import org.civicspace.export.domain.SearchQuery;

import reactor.core.publisher.Mono;

/** Searches the archive for a caller, showing only what they may see and auditing sensitive reads. */
public interface SearchReportsUseCase {

    Mono<Page> search(SearchQuery query, Caller caller);

    /** One page of results, newest first, and how many results there are in all. */
    record Page(List<ArchivedReport> items, int page, int size, long total) {

        public boolean hasNext() {
            return (long) page * size < total;
        }
    }
}
