package org.civicspace.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who may see a report: everyone with access, staff only, or named staff only. */
public enum Sensitivity implements WireName {
    PUBLIC("public"),
    RESTRICTED("restricted"),
    CONFIDENTIAL("confidential");

    private final String wireName;

    Sensitivity(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The constant with this wire name; an unknown name is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static Sensitivity fromWire(String wire) {
        return WireName.parse(Sensitivity.class, wire);
    }
}
