package org.civicspace.export.application;

import org.civicspace.export.domain.AuditEntry;

import reactor.core.publisher.Mono;

/** Where reads of restricted and confidential reports are written down. */
public interface AuditLog {

    Mono<Void> record(AuditEntry entry);
}
