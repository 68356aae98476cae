package org.civicspace.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of thing an {@link Entity} the classifier found in a report is. */
public enum EntityKind implements WireName {
    PERSON("person"),
    ORGANISATION("organisation"),
    PLACE("place");

    private final String wireName;

    EntityKind(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The constant with this wire name; an unknown name is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static EntityKind fromWire(String wire) {
        return WireName.parse(EntityKind.class, wire);
    }
}
