package org.civicspace.export.domain;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 codes, as the classifier writes them ({@code ZZ}: no country). */
public final class CountryCodes {

    private static final Set<String> KNOWN = Set.of(Locale.getISOCountries());

    private CountryCodes() {
    }

    /** The upper-case code if {@code code} names a country (or is {@code ZZ}), else null. */
    public static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return KNOWN.contains(upper) || "ZZ".equals(upper) ? upper : null;
    }

    /** Whether {@code code} is a country one can rate (not {@code ZZ}). */
    public static boolean isCountry(String code) {
        return code != null && KNOWN.contains(code);
    }
}
