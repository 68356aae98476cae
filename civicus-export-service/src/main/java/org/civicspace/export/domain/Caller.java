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
        if (roles.contains("admin") || submitted(archived)) {
            return true;
        }
        boolean staff = roles.contains("analyst") || roles.contains("editor");
        return staff && archived.sensitivity() != Sensitivity.CONFIDENTIAL;
    }

    private boolean submitted(ArchivedReport archived) {
        return roles.contains("partner") && subject != null && archived.source() != null
                && archived.source().kind() == SourceKind.PARTNER
                && subject.equals(archived.source().submittedBy());
    }
}
