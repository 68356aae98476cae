package org.civicspace.export.update.domain;

/** A change the update's state does not allow now: a wrong workflow step, a frozen update, a lost race. */
public class UpdateConflictException extends RuntimeException {

    public UpdateConflictException(String message) {
        super(message);
    }
}
