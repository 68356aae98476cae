package org.civicspace.export.update.domain;

import java.time.LocalDate;

/**
 * A source of the update, numbered from 1 in order of first citation: the report's title, who
 * published or submitted it, its link ({@code null} for a partner report without one) and date.
 */
public record Footnote(int number, String title, String publisher, String url, LocalDate date) {
}
