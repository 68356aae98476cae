package org.civicspace.export.update.domain;

/** Where an update is in the editor workflow: {@code draft} → {@code in_review} → {@code published}. */
public enum UpdateStatus {
    DRAFT("draft"),
    IN_REVIEW("in_review"),
    PUBLISHED("published");

    private final String wireName;

    UpdateStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
