package org.civicspace.alert.domain;

/** A subscription that breaks one of its rules; {@link #field()} names the offending field. */
public class InvalidSubscriptionException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidSubscriptionException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** The reason alone, without the field's name. */
    public String reason() {
        return reason;
    }
}
