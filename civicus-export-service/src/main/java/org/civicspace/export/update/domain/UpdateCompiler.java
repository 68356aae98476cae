package org.civicspace.export.update.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicspace.events.CivicusRating;
import org.civicspace.events.Freedom;
import org.civicspace.events.Person;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;
import org.civicspace.events.SourceKind;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.civicspace.export.domain.ArchivedReport;
import org.civicspace.export.domain.IndexEntry;
import org.civicspace.export.domain.MonthlyCount;

/**
 * Compiles the first version of a country update from what the archive holds for the period.
 *
 * <ul>
 * <li>What may be shown: public reports; restricted ones only in an internal update, marked
 * {@code [Restricted]}; never a confidential one; never one classified {@code not_relevant}.</li>
 * <li>The unit is the incident: the reports of one incident make one development, all of them its
 * sources; a report in no incident is a development of its own; a near-duplicate goes with the
 * report it duplicates (and that one's incident).</li>
 * <li>A development stands in the section of each freedom its sources concern, in date order.
 * Its text is built from its earliest public source (the earliest source when none is public):
 * date, place, the violations in words, the source's title, the persons concerned.</li>
 * <li>Protected persons — from any report of the country in either period, whatever its
 * sensitivity — appear only by their pseudonyms, in every text and footnote; a link whose address
 * spells one is left out.</li>
 * <li>Footnotes are numbered in order of first citation, sections and developments in reading order.</li>
 * </ul>
 */
public final class UpdateCompiler {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    static final String RESTRICTED = "[Restricted] ";
    private static final int HEADLINE_TAGS = 3;

    private final Pseudonyms pseudonyms;
    private final Map<String, String> publishers;

    /**
     * @param publishers names to cite sources by: a feed id or a partner's user name → the
     *        publisher's name; a feed without one is cited by its link's host, a partner without
     *        one as "a partner organisation" (a partner's account name is not for publication)
     */
    public UpdateCompiler(Pseudonyms pseudonyms, Map<String, String> publishers) {
        this.pseudonyms = pseudonyms;
        this.publishers = publishers == null ? Map.of() : Map.copyOf(publishers);
    }

    /** Version 1, a draft, of update {@code id}, compiled by {@code editor} at {@code at}. */
    public UpdateVersion compile(String id, UpdateRequest request, PeriodSources current, PeriodSources previous,
            CivicusRating rating, String editor, Instant at) {
        ProtectedPersons hidden = new ProtectedPersons(pseudonyms, protectedNames(current, previous));
        List<Group> groups = groups(request, current);
        List<Group> before = groups(request, previous);

        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<Footnote> footnotes = new ArrayList<>();
        List<UpdateSection> sections = new ArrayList<>();
        for (Freedom freedom : Freedom.values()) {
            List<Development> developments = new ArrayList<>();
            for (Group group : groups) {
                if (!group.freedoms().contains(freedom)) {
                    continue;
                }
                List<Integer> cited = new ArrayList<>();
                for (ArchivedReport source : group.sources()) {
                    Integer number = numbers.get(source.id());
                    if (number == null) {
                        number = numbers.size() + 1;
                        numbers.put(source.id(), number);
                        footnotes.add(footnote(number, source, hidden));
                    }
                    cited.add(number);
                }
                developments.add(new Development(group.id(), group.date(), text(group, hidden),
                        group.violations(), cited));
            }
            sections.add(new UpdateSection(freedom, sectionTitle(freedom), developments));
        }

        List<String> restricted = groups.stream().flatMap(g -> g.sources().stream())
                .filter(r -> r.sensitivity() == Sensitivity.RESTRICTED).map(ArchivedReport::id).distinct().toList();
        String countryName = countryName(request.country());
        UpdateDocument document = new UpdateDocument(id, request.country(), countryName, request.from(), request.to(),
                rating, UpdateStatus.DRAFT, 1, request.internal(), headline(groups),
                introduction(request, countryName, rating, groups, before), sections, footnotes,
                chart(request, groups), editor, at);
        return new UpdateVersion(document, restricted, null);
    }

    /** The developments of a period: the shown reports, grouped by incident, in date order. */
    private static List<Group> groups(UpdateRequest request, PeriodSources sources) {
        Map<String, List<ArchivedReport>> byKey = new LinkedHashMap<>();
        for (ArchivedReport report : sources.reports()) {
            if (shown(report, request.internal())) {
                byKey.computeIfAbsent(groupKey(report, sources.incidentOf()), key -> new ArrayList<>()).add(report);
            }
        }
        Set<String> incidents = Set.copyOf(sources.incidentOf().values());
        return byKey.entrySet().stream().map(entry -> Group.of(entry.getKey(), entry.getValue(), incidents))
                .sorted(Comparator.comparing(Group::date).thenComparing(Group::id)).toList();
    }

    static boolean shown(ArchivedReport report, boolean internal) {
        if (report.classification() == null || report.classification().urgency() == Urgency.NOT_RELEVANT) {
            return false;
        }
        return report.sensitivity() == Sensitivity.PUBLIC
                || internal && report.sensitivity() == Sensitivity.RESTRICTED;
    }

    private static String groupKey(ArchivedReport report, Map<String, String> incidentOf) {
        String incident = incidentOf.get(report.id());
        if (incident != null) {
            return incident;
        }
        if (report.duplicateOf() != null) {
            return incidentOf.getOrDefault(report.duplicateOf(), report.duplicateOf());
        }
        return report.id();
    }

    private static Collection<String> protectedNames(PeriodSources... periods) {
        Set<String> names = new LinkedHashSet<>();
        for (PeriodSources period : periods) {
            for (ArchivedReport report : period.reports()) {
                for (Person person : report.report().persons()) {
                    if (person.isProtected() && person.name() != null) {
                        names.add(person.name());
                    }
                }
            }
        }
        return names;
    }

    private static String text(Group group, ProtectedPersons hidden) {
        ArchivedReport lead = group.sources().stream().filter(r -> r.sensitivity() == Sensitivity.PUBLIC).findFirst()
                .orElse(group.sources().get(0));
        StringBuilder text = new StringBuilder();
        if (group.sources().stream().anyMatch(r -> r.sensitivity() == Sensitivity.RESTRICTED)) {
            text.append(RESTRICTED);
        }
        text.append(DAY.format(group.date()));
        String place = lead.report().place();
        if (place != null && !place.isBlank()) {
            text.append(", ").append(place.strip());
        }
        text.append(": ").append(group.violations().isEmpty() ? "a civic space development"
                : group.violations().stream().map(ViolationLabels::of).collect(Collectors.joining("; ")));
        text.append('.');
        String title = lead.report().title();
        if (title != null && !title.isBlank()) {
            text.append(" Reported as \u201c").append(title.strip()).append("\u201d.");
        }
        Set<String> persons = new LinkedHashSet<>();
        for (ArchivedReport source : group.sources()) {
            for (Person person : source.report().persons()) {
                if (person.name() != null && !person.name().isBlank()) {
                    String name = hidden.nameOrPseudonym(person.name().strip(), person.isProtected());
                    persons.add(person.role() == null ? name : name + " (" + person.role().wireName() + ")");
                }
            }
        }
        if (!persons.isEmpty()) {
            text.append(" Concerns ").append(String.join(", ", persons)).append('.');
        }
        if (group.sources().size() > 1) {
            text.append(' ').append(group.sources().size()).append(" sources.");
        }
        return hidden.hide(text.toString());
    }

    private Footnote footnote(int number, ArchivedReport source, ProtectedPersons hidden) {
        String title = source.report().title() == null || source.report().title().isBlank() ? "Untitled report"
                : hidden.hide(source.report().title().strip());
        if (source.sensitivity() == Sensitivity.RESTRICTED) {
            title = RESTRICTED + title;
        }
        String url = link(source.report().sourceUrl());
        if (url != null && hidden.mentionedIn(url)) {
            url = null;
        }
        return new Footnote(number, title, hidden.hide(publisher(source.source(), url)), url, dateOf(source));
    }

    private String publisher(Source source, String url) {
        if (source == null) {
            return "unknown";
        }
        if (source.kind() == SourceKind.FEED) {
            String named = source.feedId() == null ? null : publishers.get(source.feedId());
            if (named != null) {
                return named;
            }
            return url != null ? URI.create(url).getHost() : "a news feed";
        }
        String named = source.submittedBy() == null ? null : publishers.get(source.submittedBy());
        return named != null ? named : "a partner organisation";
    }

    /** Only an absolute http or https link: anything else (javascript:, data:, a relative path) is dropped. */
    static String link(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String headline(List<Group> groups) {
        Map<ViolationType, Integer> counts = new EnumMap<>(ViolationType.class);
        groups.forEach(group -> group.violations().forEach(type -> counts.merge(type, 1, Integer::sum)));
        if (counts.isEmpty()) {
            return "No civic space developments recorded";
        }
        String chained = counts.entrySet().stream()
                .sorted(Map.Entry.<ViolationType, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(HEADLINE_TAGS).map(entry -> ViolationLabels.of(entry.getKey()))
                .collect(Collectors.joining("; "));
        return Character.toUpperCase(chained.charAt(0)) + chained.substring(1);
    }

    private static String introduction(UpdateRequest request, String countryName, CivicusRating rating,
            List<Group> groups, List<Group> before) {
        StringBuilder text = new StringBuilder();
        if (request.internal()) {
            text.append("INTERNAL: this update cites restricted sources, marked [Restricted]. Not for publication. ");
        }
        text.append("This update covers ").append(countryName).append(" from ").append(DAY.format(request.from()))
                .append(" to ").append(DAY.format(request.to())).append(". ");
        text.append(rating == null ? "The country has no CIVICUS rating yet. "
                : "Civic space in " + countryName + " is rated " + rating.wireName() + ". ");
        text.append(count(groups)).append(" recorded").append(perFreedom(groups)).append(". ");
        UpdateRequest previous = request.previous();
        text.append("In the previous period of the same length (").append(DAY.format(previous.from())).append(" to ")
                .append(DAY.format(previous.to())).append("): ").append(count(before)).append(perFreedom(before))
                .append("; ");
        int change = groups.size() - before.size();
        text.append(change == 0 ? "no change" : change > 0 ? change + " more" : -change + " fewer").append('.');
        return text.toString();
    }

    private static String count(List<Group> groups) {
        return groups.size() == 1 ? "1 development" : groups.size() + " developments";
    }

    private static String perFreedom(List<Group> groups) {
        if (groups.isEmpty()) {
            return "";
        }
        Map<Freedom, Long> counts = new EnumMap<>(Freedom.class);
        for (Freedom freedom : Freedom.values()) {
            counts.put(freedom, groups.stream().filter(g -> g.freedoms().contains(freedom)).count());
        }
        return " (association " + counts.get(Freedom.ASSOCIATION) + ", peaceful assembly "
                + counts.get(Freedom.PEACEFUL_ASSEMBLY) + ", expression " + counts.get(Freedom.EXPRESSION) + ")";
    }

    /** The reports shown, per month of the period; near-duplicates counted once. */
    private static List<MonthlyCount> chart(UpdateRequest request, List<Group> groups) {
        List<IndexEntry> entries = groups.stream().flatMap(g -> g.sources().stream()).map(IndexEntry::of).toList();
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(request.from()); !month.isAfter(YearMonth.from(request.to()));
                month = month.plusMonths(1)) {
            months.add(month);
        }
        return MonthlyCount.of(entries, months);
    }

    static String sectionTitle(Freedom freedom) {
        return switch (freedom) {
            case ASSOCIATION -> "Association";
            case PEACEFUL_ASSEMBLY -> "Peaceful Assembly";
            case EXPRESSION -> "Expression";
        };
    }

    static String countryName(String code) {
        String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH);
        return name == null || name.isBlank() ? code : name;
    }

    static LocalDate dateOf(ArchivedReport report) {
        Instant at = report.report().occurredAt() != null ? report.report().occurredAt() : report.archivedAt();
        return at == null ? null : LocalDate.ofInstant(at.truncatedTo(ChronoUnit.DAYS), ZoneOffset.UTC);
    }

    /** One development before it has text and numbers: its id, its sources in date order, what they concern. */
    private record Group(String id, List<ArchivedReport> sources, LocalDate date, Set<Freedom> freedoms,
            Set<ViolationType> violations) {

        /**
         * The group keyed {@code key}: an incident id, or the id of a report it holds — or of a report
         * it cannot show (the original of a near-duplicate, confidential), whose id it then does not
         * carry: the development is named by its first source instead.
         */
        static Group of(String key, List<ArchivedReport> reports, Set<String> incidents) {
            List<ArchivedReport> sources = reports.stream()
                    .sorted(Comparator.comparing(UpdateCompiler::dateOf, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(ArchivedReport::id))
                    .toList();
            boolean shownKey = incidents.contains(key) || sources.stream().anyMatch(r -> r.id().equals(key));
            String id = shownKey ? key : sources.get(0).id();
            Set<Freedom> freedoms = EnumSet.noneOf(Freedom.class);
            Set<ViolationType> violations = EnumSet.noneOf(ViolationType.class);
            for (ArchivedReport source : sources) {
                freedoms.addAll(source.classification().freedoms());
                violations.addAll(source.classification().violationTypes());
            }
            return new Group(id, sources, dateOf(sources.get(0)), freedoms, violations);
        }
    }
}
