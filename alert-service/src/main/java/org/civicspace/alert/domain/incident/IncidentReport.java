package org.civicspace.alert.domain.incident;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.civicspace.alert.domain.Headlines;
import org.civicspace.events.Classification;
import org.civicspace.events.Freedom;
import org.civicspace.events.Person;
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
        violationTypes = Set.copyOf(violationTypes);
        freedoms = Set.copyOf(freedoms);
        sensitivity = sensitivity == null ? Sensitivity.CONFIDENTIAL : sensitivity;
    }

    /** The report as incidents see it; a report without sensitivity counts as confidential. */
    public static IncidentReport of(ReportClassified event, Pseudonyms pseudonyms) {
        Classification classification = event.classification();
        Set<NameKey> people = new LinkedHashSet<>();
        Set<NameKey> places = new LinkedHashSet<>();
        Instant at = event.occurredAt();
        if (event.report() != null) {
            for (Person person : event.report().persons()) {
                NameKey key = NameKey.of(person.name());
                if (!key.isEmpty()) {
                    people.add(pseudonyms.hide(key));
                }
            }
            NameKey place = NameKey.of(event.report().place());
            if (!place.isEmpty()) {
                places.add(pseudonyms.hide(place));
            }
            if (event.report().occurredAt() != null) {
                at = event.report().occurredAt();
            }
        }
        Sensitivity sensitivity = event.sensitivity() == null ? Sensitivity.CONFIDENTIAL : event.sensitivity();
        return new IncidentReport(event.reportId(), classification.country(), at == null ? Instant.EPOCH : at,
                sourceOf(event.source(), event.reportId()), people, places, classification.violationTypes(),
                classification.freedoms(), classification.urgency(), sensitivity, event.duplicateOf(),
                Headlines.of(sensitivity, classification.country(), classification.urgency(), event.report(),
                        pseudonyms));
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
