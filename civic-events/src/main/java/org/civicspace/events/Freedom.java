package org.civicspace.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A civic freedom watched by civicspace. */
public enum Freedom implements WireName {
    ASSOCIATION("association"),
    PEACEFUL_ASSEMBLY("peaceful_assembly"),
    EXPRESSION("expression");

    private final String wireName;

    Freedom(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The constant with this wire name; an unknown name is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static Freedom fromWire(String wire) {
        return WireName.parse(Freedom.class, wire);
    }
}
