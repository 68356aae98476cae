package org.civicspace.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How soon someone must act on a report, most urgent first. */
public enum Urgency implements WireName {
    URGENT("urgent"),
    HIGH("high"),
    ROUTINE("routine"),
    NOT_RELEVANT("not_relevant");

    private final String wireName;

    Urgency(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** True when this urgency is {@code minimum} or more urgent than it. */
    public boolean isAtLeast(Urgency minimum) {
        return ordinal() <= minimum.ordinal();
    }

    /** The constant with this wire name; an unknown name is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static Urgency fromWire(String wire) {
        return WireName.parse(Urgency.class, wire);
    }
}
