package org.civicspace.export.update.domain;

import java.util.List;

import org.civicspace.events.Freedom;

/**
 * One of an update's three sections: its freedom, its heading ("Association", "Peaceful
 * Assembly", "Expression") and its developments in date order. A section with no developments
 * stays, so a reader sees that nothing was recorded.
 */
public record UpdateSection(Freedom freedom, String title, List<Development> developments) {

    public UpdateSection {
        developments = developments == null ? List.of() : List.copyOf(developments);
    }
}
