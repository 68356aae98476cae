package org.civicspace.alert.domain;

import org.civicspace.events.WireName;

/** Whether a subscriber hears of each alert at once or in a daily digest. */
public enum Cadence implements WireName {
    IMMEDIATE("immediate"),
    DAILY("daily");

    private final String wireName;

    Cadence(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The constant with this wire name; an unknown name is an {@link IllegalArgumentException}. */
    public static Cadence fromWire(String wire) {
        return WireName.parse(Cadence.class, wire);
    }
}
