package org.civicspace.export.country.domain;

import java.util.ArrayList;
import java.util.List;

import org.civicspace.events.CivicusRating;
import org.civicspace.export.domain.CountryCodes;

/** A rating the service starts with for a country that has none yet: one line of the seed file. */
public record RatingSeed(String country, CivicusRating rating, Integer since, String note) {

    /**
     * The seeds in a file of lines {@code country,rating,since,note} (a header line, blank lines and
     * lines starting with {@code #} are skipped; the note may contain commas). A bad line is an
     * {@link IllegalArgumentException} naming its number: a wrong seed file must not start quietly.
     */
    public static List<RatingSeed> parse(List<String> lines) {
        List<RatingSeed> seeds = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("country,")) {
                continue;
            }
            String[] fields = line.split(",", 4);
            try {
                String country = CountryCodes.normalise(fields[0]);
                if (!CountryCodes.isCountry(country) || fields.length < 2) {
                    throw new IllegalArgumentException("'" + fields[0] + "' is not a country code");
                }
                Integer since = fields.length > 2 && !fields[2].isBlank() ? Integer.valueOf(fields[2].strip()) : null;
                String note = fields.length > 3 && !fields[3].isBlank() ? fields[3].strip() : null;
                seeds.add(new RatingSeed(country, CivicusRating.fromWire(fields[1].strip()), since, note));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("line " + (i + 1) + " of the rating seed: " + bad.getMessage(), bad);
            }
        }
        return seeds;
    }
}
