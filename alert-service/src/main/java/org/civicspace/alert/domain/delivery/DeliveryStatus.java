package org.civicspace.alert.domain.delivery;

import org.civicspace.events.WireName;

/** Where one queued notification stands: waiting (first try or a retry), delivered, or abandoned after its last attempt. */
public enum DeliveryStatus implements WireName {
    PENDING("pending"),
    SENT("sent"),
    GIVEN_UP("given_up");

    private final String wireName;

    DeliveryStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The constant with this wire name; an unknown name is an {@link IllegalArgumentException}. */
    public static DeliveryStatus fromWire(String wire) {
        return WireName.parse(DeliveryStatus.class, wire);
    }
}
