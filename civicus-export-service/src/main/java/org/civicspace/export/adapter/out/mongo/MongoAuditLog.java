package org.civicspace.export.adapter.out.mongo;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

import org.civicspace.events.Sensitivity;
import org.civicspace.export.application.AuditLog;
import org.civicspace.export.domain.AuditEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** The {@code audit_log} collection: append-only, one document per sensitive read. */
@Component
class MongoAuditLog implements AuditLog {

    private final ReactiveMongoTemplate mongo;

    MongoAuditLog(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> record(AuditEntry entry) {
        return mongo.insert(document(entry)).then();
    }

    @Override
    public Mono<Void> recordAll(Collection<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        return mongo.insertAll(entries.stream().map(MongoAuditLog::document).toList()).then();
    }

    private static AuditLogDocument document(AuditEntry entry) {
        return new AuditLogDocument(null, entry.reportId(), entry.reader(), entry.readerRoles(), entry.sensitivity(),
                entry.readAt());
    }

    @Document("audit_log")
    record AuditLogDocument(@Id String id, String reportId, String reader, Set<String> readerRoles,
            Sensitivity sensitivity, Instant readAt) {
    }
}
