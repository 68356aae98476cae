package org.civicspace.alert.domain.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.civicspace.alert.domain.Headlines;
import org.civicspace.events.Freedom;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;

/**
 * The reports of one event: the same country, compatible violations and the same people, or
 * (when they name nobody else) the same organisation, or (when they name nobody at all) the same
 * place, within a window; or a report that ingest marked a near-duplicate of one of them. Its
 * corroboration is the number of distinct sources; its urgency the highest of its reports; its
 * sensitivity the most restrictive, and its headline therefore quotes a report only while every
 * report is public. Its revision counts its changes: 1 when opened, one more per report taken in.
 */
public record Incident(
        String id,
        String country,
        Instant firstAt,
        Instant lastAt,
        List<String> reportIds,
        Set<String> sources,
        Set<NameKey> people,
        Set<NameKey> places,
        Set<NameKey> organisations,
        Set<ViolationType> violationTypes,
        Set<Freedom> freedoms,
        Urgency urgency,
        Sensitivity sensitivity,
        String headline,
        IncidentStatus status,
        String resolvedBy,
        int revision) {

    public Incident {
        Objects.requireNonNull(id, "id");
        reportIds = List.copyOf(reportIds);
        sources = Set.copyOf(sources);
        people = Set.copyOf(people);
        places = Set.copyOf(places);
        organisations = Set.copyOf(organisations);
        violationTypes = Set.copyOf(violationTypes);
        freedoms = Set.copyOf(freedoms);
    }

    /** A new incident of one report. */
    public static Incident open(String id, IncidentReport report) {
        return new Incident(id, report.country(), report.at(), report.at(), List.of(report.reportId()),
                Set.of(report.source()), report.people(), report.places(), report.organisations(),
                report.violationTypes(), report.freedoms(), report.urgency(), report.sensitivity(), report.headline(),
                IncidentStatus.OPEN, null, 1);
    }

    /** How many distinct sources told of it. */
    public int corroboration() {
        return sources.size();
    }

    public boolean contains(String reportId) {
        return reportIds.contains(reportId);
    }

    /**
     * True when the report tells of this incident: same country, within {@code window} of its
     * reports, compatible violations, and then, from the strongest sign to the weakest: the same
     * person; else, unless both name people and none in common, the same organisation where
     * they name no disjoint places; else, where neither names anyone and they name no disjoint
     * organisations, the same place.
     * A weaker sign never outweighs a disagreement in a stronger one: a capital shared by two
     * arrests of two different people is two incidents. Only an open incident takes new
     * reports; a near-duplicate is joined by the caller.
     */
    public boolean concerns(IncidentReport report, Duration window) {
        if (status != IncidentStatus.OPEN
                || !country.equals(report.country())
                || report.at().isBefore(firstAt.minus(window))
                || report.at().isAfter(lastAt.plus(window))
                || !ViolationFamilies.compatible(violationTypes, report.violationTypes())) {
            return false;
        }
        if (sharesAny(people, report.people())) {
            return true;
        }
        if (disagree(people, report.people())) {
            return false;
        }
        if (sharesAny(organisations, report.organisations())) {
            return !disagree(places, report.places());
        }
        return people.isEmpty() && report.people().isEmpty()
                && !disagree(organisations, report.organisations())
                && sharesAny(places, report.places());
    }

    /** Both name someone (or something), and nobody in common. */
    private static boolean disagree(Set<NameKey> ours, Set<NameKey> theirs) {
        return !ours.isEmpty() && !theirs.isEmpty() && !sharesAny(ours, theirs);
    }

    /**
     * This incident with the report in it; the same incident when it is in already, so that a
     * redelivered report changes nothing. A positive development about its people resolves it
     * and is not counted as a source of the event itself.
     */
    public Incident with(IncidentReport report) {
        if (contains(report.reportId())) {
            return this;
        }
        List<String> ids = new ArrayList<>(reportIds);
        ids.add(report.reportId());
        Instant first = report.at().isBefore(firstAt) ? report.at() : firstAt;
        Instant last = report.at().isAfter(lastAt) ? report.at() : lastAt;
        if (report.isPositive() && resolvedBy(report)) {
            Sensitivity resolvedSensitivity = moreRestrictive(sensitivity, report.sensitivity());
            return new Incident(id, country, first, last, ids, sources, people, places, organisations, violationTypes,
                    freedoms, urgency, resolvedSensitivity, headlineFor(resolvedSensitivity, headline),
                    IncidentStatus.RESOLVED, report.reportId(), revision + 1);
        }
        Set<ViolationType> types = union(violationTypes, report.violationTypes());
        types.remove(ViolationType.POSITIVE_DEVELOPMENT);
        Urgency highest = report.urgency() != null && report.urgency().isAtLeast(urgency) ? report.urgency() : urgency;
        Sensitivity merged = moreRestrictive(sensitivity, report.sensitivity());
        return new Incident(id, country, first, last, ids, union(sources, Set.of(report.source())),
                union(people, report.people()), union(places, report.places()),
                union(organisations, report.organisations()), types, union(freedoms, report.freedoms()), highest,
                merged, headlineFor(merged, headline), status, resolvedBy, revision + 1);
    }

    /** A positive development ends the incident when it is about its people, or, if it names none, its organisation. */
    private boolean resolvedBy(IncidentReport positive) {
        return sharesAny(people, positive.people())
                || people.isEmpty() && sharesAny(organisations, positive.organisations());
    }

    private String headlineFor(Sensitivity merged, String current) {
        return merged == sensitivity ? current : Headlines.waiting(merged, country, urgency);
    }

    private static Sensitivity moreRestrictive(Sensitivity a, Sensitivity b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static <T> Set<T> union(Collection<T> a, Collection<T> b) {
        Set<T> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean sharesAny(Set<NameKey> ours, Set<NameKey> theirs) {
        return ours.stream().anyMatch(mine -> theirs.stream().anyMatch(mine::sameAs));
    }

    /** Which violations may be one event told differently: a detention and a trial, a picket and its dispersal. */
    static final class ViolationFamilies {

        private static final List<Set<ViolationType>> FAMILIES = List.of(
                EnumSet.of(ViolationType.HRD_DETAINED, ViolationType.JOURNALIST_DETAINED,
                        ViolationType.PROTESTER_DETAINED, ViolationType.ENFORCED_DISAPPEARANCE,
                        ViolationType.JUDICIAL_HARASSMENT, ViolationType.TORTURE_ILL_TREATMENT,
                        ViolationType.TRAVEL_BAN),
                EnumSet.of(ViolationType.JOURNALIST_ATTACKED, ViolationType.EXCESSIVE_FORCE, ViolationType.KILLING,
                        ViolationType.TORTURE_ILL_TREATMENT, ViolationType.INTIMIDATION_THREATS),
                EnumSet.of(ViolationType.PROTEST_BANNED_OR_DISRUPTED, ViolationType.PROTESTER_DETAINED,
                        ViolationType.EXCESSIVE_FORCE),
                EnumSet.of(ViolationType.CENSORSHIP, ViolationType.INTERNET_SHUTDOWN, ViolationType.SURVEILLANCE),
                EnumSet.of(ViolationType.RESTRICTIVE_LAW, ViolationType.NGO_CLOSURE_OR_RAID,
                        ViolationType.FOREIGN_AGENT_LABEL));

        private ViolationFamilies() {
        }

        /** Compatible: either names none, either is a positive development, or both share a family. */
        static boolean compatible(Set<ViolationType> a, Set<ViolationType> b) {
            if (a.isEmpty() || b.isEmpty() || a.contains(ViolationType.POSITIVE_DEVELOPMENT)
                    || b.contains(ViolationType.POSITIVE_DEVELOPMENT)) {
                return true;
            }
            return FAMILIES.stream().anyMatch(family -> a.stream().anyMatch(family::contains)
                    && b.stream().anyMatch(family::contains))
                    || a.stream().anyMatch(b::contains);
        }
    }
}
