package org.civicspace.alert.domain.incident;

import org.civicspace.events.WireName;

/** Whether an incident is still going on, or was resolved (a release, an acquittal was reported). */
public enum IncidentStatus implements WireName {
    OPEN("open"),
    RESOLVED("resolved");

    private final String wireName;

    IncidentStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static IncidentStatus fromWire(String wire) {
        return WireName.parse(IncidentStatus.class, wire);
    }
}
