package org.civicspace.alert.domain;

import org.civicspace.events.WireName;

/** How a subscriber is told about an alert. */
public enum Channel implements WireName {
    SSE("sse"),
    EMAIL("email"),
    WEBHOOK("webhook");

    private final String wireName;

    Channel(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The constant with this wire name; an unknown name is an {@link IllegalArgumentException}. */
    public static Channel fromWire(String wire) {
        return WireName.parse(Channel.class, wire);
    }
}
