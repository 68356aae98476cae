package org.civicspace.alert.application;

import org.civicspace.alert.domain.Alert;

/**
 * An alert as stored: {@code seq} numbers alerts in the order they were raised (it is the SSE
 * event id), and {@code published} says whether {@code AlertRaised} has gone out for it.
 */
public record StoredAlert(long seq, Alert alert, boolean published) {
}
