package org.civicspace.export.domain;

import java.util.Set;

import org.civicspace.events.Sensitivity;
import org.civicspace.events.SourceKind;

/**
 * Someone asking for an archived report: their user name (the JWT subject) and roles, and the
 * rule of which reports they may see.
 */
public record Caller(String subject, Set<String> roles) {

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /**
     * Admins see everything; analysts and editors see public and restricted reports; a partner
     * sees the reports they submitted, confidential ones included, and nothing else.
     */
    public boolean maySee(ArchivedReport archived) {
        return archived.source() != null
                && maySee(archived.sensitivity(), archived.source().kind(), archived.source().submittedBy());
    }

    /** The same rule for a search index entry, so that a search shows exactly what single reads show. */
    public boolean maySee(IndexEntry entry) {
        return maySee(entry.sensitivity(), entry.sourceKind(), entry.submittedBy());
    }

    private boolean maySee(Sensitivity sensitivity, SourceKind sourceKind, String submittedBy) {
        if (roles.contains("admin") || submitted(sourceKind, submittedBy)) {
            return true;
        }
        boolean staff = roles.contains("analyst") || roles.contains("editor");
        return staff && sensitivity != Sensitivity.CONFIDENTIAL;
    }

    private boolean submitted(SourceKind sourceKind, String submittedBy) {
        return roles.contains("partner") && subject != null && sourceKind == SourceKind.PARTNER
                && subject.equals(submittedBy);
    }
}
