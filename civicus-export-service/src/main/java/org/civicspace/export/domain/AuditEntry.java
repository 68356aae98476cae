package org.civicspace.export.domain;

import java.time.Instant;
import java.util.Set;

import org.civicspace.events.Sensitivity;

/** One read of a restricted or confidential report: which report, who read it, as what, when. */
public record AuditEntry(String reportId, String reader, Set<String> readerRoles, Sensitivity sensitivity,
        Instant readAt) {

    public AuditEntry {
        readerRoles = readerRoles == null ? Set.of() : Set.copyOf(readerRoles);
    }

    /** The entry for {@code caller} reading {@code archived} at {@code readAt}. */
    public static AuditEntry of(Caller caller, ArchivedReport archived, Instant readAt) {
        return new AuditEntry(archived.id(), caller.subject(), caller.roles(), archived.sensitivity(), readAt);
    }
}
