package org.civicspace.events;

import java.util.List;
import java.util.Set;

/**
 * What the classifier found in a report. {@code country} is ISO 3166-1 alpha-2, {@code ZZ} when
 * the report concerns no country; {@code tags} carry each finding's confidence and evidence;
 * {@code entities} are the people, organisations and places it names (optional: absent in events
 * from classifiers before they were extracted).
 */
public record Classification(
        String language,
        String country,
        List<String> otherCountries,
        Set<Freedom> freedoms,
        Set<ViolationType> violationTypes,
        Urgency urgency,
        List<Tag> tags,
        String classifierVersion,
        List<Entity> entities) {

    /** The country code of a report that concerns no country. */
    public static final String NO_COUNTRY = "ZZ";

    public Classification {
        otherCountries = otherCountries == null ? List.of() : List.copyOf(otherCountries);
        freedoms = EnumSets.ordered(freedoms);
        violationTypes = EnumSets.ordered(violationTypes);
        tags = tags == null ? List.of() : List.copyOf(tags);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    /** A classification without entities. */
    public Classification(String language, String country, List<String> otherCountries, Set<Freedom> freedoms,
            Set<ViolationType> violationTypes, Urgency urgency, List<Tag> tags, String classifierVersion) {
        this(language, country, otherCountries, freedoms, violationTypes, urgency, tags, classifierVersion, null);
    }
}
