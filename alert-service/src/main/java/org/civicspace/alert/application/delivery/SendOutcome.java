package org.civicspace.alert.application.delivery;

/** What one attempt to send came to. */
public sealed interface SendOutcome {

    static SendOutcome sent() {
        return Sent.INSTANCE;
    }

    /** A failure worth another attempt later: the receiver was down, slow, or overloaded. */
    static SendOutcome retryable(String reason) {
        return new Failed(reason, true);
    }

    /** A failure no retry can mend: an address we refuse, a receiver that rejects the request itself. */
    static SendOutcome permanent(String reason) {
        return new Failed(reason, false);
    }

    /** The receiver accepted the notification. */
    enum Sent implements SendOutcome {
        INSTANCE
    }

    /** Not delivered, and why in plain words (never the notification's content). */
    record Failed(String reason, boolean retryable) implements SendOutcome {
    }
}
