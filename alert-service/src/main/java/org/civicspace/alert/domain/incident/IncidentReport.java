package org.civicspace.alert.domain.incident;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.civicspace.alert.domain.Headlines;
import org.civicspace.events.Classification;
import org.civicspace.events.Freedom;
import org.civicspace.events.Entity;
import org.civicspace.events.ReportClassified;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;

/**
 * What incidents need to know of one classified report, and nothing they must not keep: names
 * only as hashed keys, the headline already safe to show.
 *
 * @param at      when the reported event happened, or else when the report was classified
 * @param source  who brought it in ({@code partner:<user>} or {@code feed:<id>}): corroboration
 *                counts distinct sources
 */
public record IncidentReport(
        String reportId,
        String country,
        Instant at,
        String source,
        Set<NameKey> people,
        Set<NameKey> places,
        Set<NameKey> organisations,
        Set<ViolationType> violationTypes,
        Set<Freedom> freedoms,
        Urgency urgency,
        Sensitivity sensitivity,
        String duplicateOf,
        String headline) {

    public IncidentReport {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(at, "at");
        people = Set.copyOf(people);
        places = Set.copyOf(places);
        organisations = Set.copyOf(organisations);
        violationTypes = Set.copyOf(violationTypes);
        freedoms = Set.copyOf(freedoms);
        sensitivity = sensitivity == null ? Sensitivity.CONFIDENTIAL : sensitivity;
    }

    /**
     * The report as incidents see it; a report without sensitivity counts as confidential. People
     * are the partner's {@code persons} and the persons the classifier found; places the
     * partner's {@code place} and the places found; organisations those found. All are keyed
     * by {@link NameKey#ofAnyForm} (any spelling, any case ending) and hashed at once.
     */
    public static IncidentReport of(ReportClassified event, Pseudonyms pseudonyms) {
        Classification classification = event.classification();
        Set<NameKey> people = new LinkedHashSet<>();
        Set<NameKey> places = new LinkedHashSet<>();
        Set<NameKey> organisations = new LinkedHashSet<>();
        Instant at = event.occurredAt();
        if (event.report() != null) {
            event.report().persons().forEach(person -> add(people, person.name(), pseudonyms));
            add(places, event.report().place(), pseudonyms);
            if (event.report().occurredAt() != null) {
                at = event.report().occurredAt();
            }
        }
        for (Entity entity : classification.entities()) {
            if (entity != null && entity.kind() != null) {
                add(switch (entity.kind()) {
                    case PERSON -> people;
                    case ORGANISATION -> organisations;
                    case PLACE -> places;
                }, entity.name(), pseudonyms);
            }
        }
        Sensitivity sensitivity = event.sensitivity() == null ? Sensitivity.CONFIDENTIAL : event.sensitivity();
        return new IncidentReport(event.reportId(), classification.country(), at == null ? Instant.EPOCH : at,
                sourceOf(event.source(), event.reportId()), people, places, organisations,
                classification.violationTypes(), classification.freedoms(), classification.urgency(), sensitivity,
                event.duplicateOf(), Headlines.of(sensitivity, classification.country(), classification.urgency(),
                        event.report(), pseudonyms));
    }

    private static void add(Set<NameKey> keys, String name, Pseudonyms pseudonyms) {
        NameKey key = NameKey.ofAnyForm(name);
        if (!key.isEmpty()) {
            keys.add(pseudonyms.hide(key));
        }
    }

    /** True when the report tells of a release, an acquittal, a lifted ban: it may resolve an incident. */
    public boolean isPositive() {
        return violationTypes.contains(ViolationType.POSITIVE_DEVELOPMENT);
    }

    private static String sourceOf(Source source, String reportId) {
        if (source == null || source.kind() == null) {
            return "report:" + reportId;
        }
        String who = source.submittedBy() != null ? source.submittedBy() : source.feedId();
        return source.kind().wireName() + ":" + (who == null ? reportId : who);
    }
}
