package org.civicspace.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a report came from. */
public enum SourceKind implements WireName {
    PARTNER("partner"),
    FEED("feed");

    private final String wireName;

    SourceKind(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The constant with this wire name; an unknown name is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static SourceKind fromWire(String wire) {
        return WireName.parse(SourceKind.class, wire);
    }
}
