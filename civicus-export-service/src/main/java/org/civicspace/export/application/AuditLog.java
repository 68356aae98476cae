package org.civicspace.export.application;

import java.util.Collection;

import org.civicspace.export.domain.AuditEntry;

import reactor.core.publisher.Mono;

/** Where reads of restricted and confidential reports are written down. */
public interface AuditLog {

    Mono<Void> record(AuditEntry entry);

    /** Several reads at once (a page of search results); if the write fails, so must the read. */
    Mono<Void> recordAll(Collection<AuditEntry> entries);
}
