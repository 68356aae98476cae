package org.civicspace.export.update.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.civicspace.export.domain.CountryCodes;
import org.civicspace.export.domain.InvalidParametersException;
import org.civicspace.export.domain.InvalidParametersException.Problem;

/**
 * What to compile: a country, a period of whole days ({@code from} and {@code to} both included,
 * UTC) and whether the update is internal (restricted sources shown, marked).
 */
public record UpdateRequest(String country, LocalDate from, LocalDate to, boolean internal) {

    /** Checks every field and names each bad one. */
    public static UpdateRequest parse(String country, String from, String to, Boolean internal, int maxDays) {
        List<Problem> problems = new ArrayList<>();
        String code = CountryCodes.normalise(country);
        if (country == null || country.isBlank()) {
            problems.add(new Problem("country", "required: an ISO 3166-1 alpha-2 code such as KZ"));
        } else if (!CountryCodes.isCountry(code)) {
            problems.add(new Problem("country", "'" + country + "' is not an ISO 3166-1 alpha-2 country code"));
        }
        LocalDate start = date("from", from, problems);
        LocalDate end = date("to", to, problems);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                problems.add(new Problem("to", "must not be before from"));
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
                problems.add(new Problem("to", "the period may be at most " + maxDays + " days"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
        return new UpdateRequest(code, start, end, Boolean.TRUE.equals(internal));
    }

    private static LocalDate date(String field, String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "required: an ISO date such as 2026-10-01"));
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "'" + value + "' is not an ISO date such as 2026-10-01"));
            return null;
        }
    }

    /** The start of the period. */
    public Instant start() {
        return from.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /**
     * The period of the same length right before this one: as many whole calendar months when this
     * one is whole months (October → September), else as many days.
     */
    public UpdateRequest previous() {
        if (from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1) {
            long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
            return new UpdateRequest(country, from.minusMonths(months), from.minusDays(1), internal);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new UpdateRequest(country, from.minusDays(days), from.minusDays(1), internal);
    }
}
