package org.civicspace.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The role of a person named in a report. */
public enum PersonRole implements WireName {
    DEFENDER("defender"),
    JOURNALIST("journalist"),
    ACTIVIST("activist"),
    LAWYER("lawyer"),
    PROTESTER("protester"),
    RELATIVE("relative"),
    WITNESS("witness"),
    OTHER("other");

    private final String wireName;

    PersonRole(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The constant with this wire name; an unknown name is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static PersonRole fromWire(String wire) {
        return WireName.parse(PersonRole.class, wire);
    }
}
