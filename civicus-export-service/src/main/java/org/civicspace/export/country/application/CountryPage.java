package org.civicspace.export.country.application;

import java.util.List;

import org.civicspace.export.country.domain.CountryRating;
import org.civicspace.export.country.domain.Watchlist;
import org.civicspace.export.domain.MonthlyCount;

/**
 * What an analyst sees of a country: its rating (null if it has none) with history, its reports
 * per freedom over the last twelve months, and the watchlist signal. Numbers only: no report's
 * words, so confidential reports are counted but never shown.
 */
public record CountryPage(String country, CountryRating rating, List<MonthlyCount> months, Watchlist watchlist) {
}
