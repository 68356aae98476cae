package org.civicspace.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The CIVICUS Monitor rating of a country, from most to least open. */
public enum CivicusRating implements WireName {
    OPEN("open"),
    NARROWED("narrowed"),
    OBSTRUCTED("obstructed"),
    REPRESSED("repressed"),
    CLOSED("closed");

    private final String wireName;

    CivicusRating(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The constant with this wire name; an unknown name is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static CivicusRating fromWire(String wire) {
        return WireName.parse(CivicusRating.class, wire);
    }
}
