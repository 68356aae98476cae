package org.civicspace.classification.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.civicspace.events.Classification;
import org.civicspace.events.Evidence;
import org.civicspace.events.Freedom;
import org.civicspace.events.Hints;
import org.civicspace.events.Tag;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;

/**
 * The rule-based classifier: countries, freedoms, violation types and urgency found by the
 * phrase lists in {@code classifier/*.tsv} and the rules that weigh them (who a violation happened
 * to, what a freedom mention stands beside, which country acted), each tag with the spans that made it.
 * Immutable and thread-safe once loaded.
 */
public final class Classifier {

    public static final String VERSION = "keywords-0.5";

    static final String TITLE = "title";
    // A country named in the headline is usually the one the report is about.
    static final int TITLE_WEIGHT = 3;
    static final double HINT_CONFIDENCE = 0.7;
    static final double NO_EVIDENCE_CONFIDENCE = 0.5;

    /** The "country" of phrases that contain a country's name but do not name it ("Russian-language"). */
    static final String NOT_A_COUNTRY = "-";

    private static final Hints NO_HINTS = new Hints(null, null);

    private final PhraseMatcher<String> countries;
    private final Exclusions<String> countryExclusions;
    private final ViolationPhrases violations;
    private final Exclusions<ViolationType> violationExclusions;
    private final PhraseMatcher<Freedom> freedoms;
    private final PhraseMatcher<Freedom> freedomMentions;
    private final Map<ViolationType, Set<Freedom>> impliedFreedoms;
    private final Map<ViolationType, Urgency> urgencies;
    private final Exclusions<Freedom> freedomExclusions;
    private final Map<ViolationType, Set<Freedom>> contextNeeded;
    private final PhraseMatcher<String> abroad;
    private final PhraseMatcher<String> countryActors;
    private final PhraseMatcher<String> civicContext;
    private final PhraseMatcher<String> urgencyCues;
    private final Set<ViolationType> untilReleased;
    private final LanguageDetector languages = LanguageDetector.fromClasspath();
    private final EntityFinder entities;

    private Classifier(PhraseMatcher<String> countries, Exclusions<String> countryExclusions,
            ViolationPhrases violations, Exclusions<ViolationType> violationExclusions,
            PhraseMatcher<Freedom> freedoms, PhraseMatcher<Freedom> freedomMentions, Map<ViolationType, Set<Freedom>> impliedFreedoms,
            Map<ViolationType, Urgency> urgencies, Exclusions<Freedom> freedomExclusions,
            Map<ViolationType, Set<Freedom>> contextNeeded, PhraseMatcher<String> abroad, PhraseMatcher<String> countryActors,
            PhraseMatcher<String> civicContext, PhraseMatcher<String> urgencyCues, Set<ViolationType> untilReleased,
            EntityFinder entities) {
        this.countries = countries;
        this.countryExclusions = countryExclusions;
        this.violations = violations;
        this.violationExclusions = violationExclusions;
        this.freedoms = freedoms;
        this.freedomMentions = freedomMentions;
        this.impliedFreedoms = impliedFreedoms;
        this.urgencies = urgencies;
        this.freedomExclusions = freedomExclusions;
        this.contextNeeded = contextNeeded;
        this.abroad = abroad;
        this.countryActors = countryActors;
        this.civicContext = civicContext;
        this.urgencyCues = urgencyCues;
        this.untilReleased = untilReleased;
        this.entities = entities;
    }

    /** Loads the data files from {@code classifier/} on the classpath; a bad row fails with its file and line. */
    public static Classifier fromClasspath() {
        // every phrase list in one trie: a field is read once for all of them
        PhraseTrie trie = new PhraseTrie();
        return new Classifier(
                phrases(trie, DataFile.read("countries.tsv"), Classifier::countryOrNone, true),
                Exclusions.load(trie, DataFile.read("country-exclusions.tsv"), Classifier::countryCode)
                        .withAmbiguousNames(DataFile.read("ambiguous-names.tsv"), Classifier::countryCode),
                violations(trie),
                Exclusions.load(trie, DataFile.read("violation-exclusions.tsv"), ViolationType::fromWire),
                phrases(trie, DataFile.read("freedoms.tsv"), Freedom::fromWire, false),
                phrases(trie, DataFile.read("freedom-mentions.tsv"), Freedom::fromWire, false),
                impliedFreedoms(DataFile.read("violation-freedoms.tsv")),
                urgencies(DataFile.read("urgency.tsv")),
                Exclusions.load(trie, DataFile.read("freedom-exclusions.tsv"), Freedom::fromWire)
                        .reportWideFrom(FREEDOM_RULE_REPORT_WIDE),
                impliedFreedoms(DataFile.read("violation-context.tsv")),
                phrases(trie, DataFile.read("abroad.tsv"), Function.identity(), false),
                phrases(trie, DataFile.read("country-actors.tsv"), Function.identity(), false),
                phrases(trie, DataFile.read("civic-context.tsv"), Function.identity(), false),
                phrases(trie, DataFile.read("urgency-cues.tsv"), Classifier::cueKind, false),
                untilReleased(DataFile.read("urgency.tsv")),
                EntityFinder.load(trie));
    }

    public Classification classify(Document document) {
        List<TextField> fields = List.of(TextField.of(TITLE, document.title()), TextField.of("text", document.text()));
        Hints hints = document.hints() == null ? NO_HINTS : document.hints();
        List<Tag> tags = new ArrayList<>();

        Tag language = languages.detect(document);
        tags.add(language);
        List<Match<String>> countryNames = new ArrayList<>();
        fields.forEach(field -> countryNames.addAll(countries.find(field)));
        Map<String, List<Match<String>>> countryMentions = countryMentions(fields, countryNames);
        List<String> countriesFound = countryTags(fields, countryMentions, hints.country(), tags);

        Map<Freedom, List<Match<Freedom>>> freedomMatches = find(freedoms, freedomExclusions, fields);
        Map<Freedom, List<Match<Freedom>>> mentions = find(freedomMentions, freedomExclusions, fields);
        Set<Freedom> named = EnumSet.noneOf(Freedom.class);
        named.addAll(freedomMatches.keySet());
        named.addAll(mentions.keySet());
        int leadEnd = leadEnd(document.text());
        List<Match<ViolationType>> plain = violations.find(fields);
        Set<ViolationType> settled = violationsIn(plain, named, fields).keySet();
        Map<ViolationType, List<Match<ViolationType>>> violationsFound = releasesInTheNews(
                violationsIn(violations.withChoices(fields, plain, settled), named, fields), leadEnd);
        mentionsThatCount(mentions, violationsFound).forEach((freedom, matches) ->
                freedomMatches.computeIfAbsent(freedom, f -> new ArrayList<>()).addAll(matches));
        Map<Freedom, Set<Evidence>> freedomEvidence = freedomEvidence(freedomMatches, violationsFound);
        Set<Freedom> freedomsFound = freedomTags(freedomEvidence, hints.freedoms(), tags);
        violationsFound.forEach((violation, matches) ->
                tags.add(tag("violation", violation.wireName(), evidenceOf(matches))));
        Set<Evidence> urgencyWhy = new LinkedHashSet<>();
        Urgency urgency = urgencyOf(violationsFound, freedomsFound, fields, leadEnd, urgencyWhy);
        tags.add(urgencyTag(urgency, violationsFound, freedomEvidence, urgencyWhy));

        String country = countriesFound.isEmpty() ? Classification.NO_COUNTRY : countriesFound.get(0);
        List<String> otherCountries = countriesFound.isEmpty() ? List.of() : countriesFound.subList(1, countriesFound.size());
        List<Match<String>> countriesThatCount = new ArrayList<>();
        countryMentions.values().forEach(countriesThatCount::addAll);
        return new Classification(language.value(), country, otherCountries, freedomsFound,
                violationsFound.keySet(), urgency, tags, VERSION, entities.find(fields, countryNames, countriesThatCount));
    }

    /** The countries named, exclusions applied, without the phrases that name none and without a dateline. */
    private Map<String, List<Match<String>>> countryMentions(List<TextField> fields, List<Match<String>> names) {
        Map<String, List<Match<String>>> mentions = byLabel(countryExclusions.apply(fields, new ArrayList<>(names)));
        mentions.remove(NOT_A_COUNTRY);
        withoutDateline(mentions);
        return mentions;
    }

    /** Tags the countries named, most mentioned first; with none named, the hinted one if any. */
    private List<String> countryTags(List<TextField> fields, Map<String, List<Match<String>>> mentions, String hint,
            List<Tag> tags) {
        List<Match<String>> actors = new ArrayList<>();
        fields.forEach(field -> actors.addAll(countryActors.find(field)));
        List<String> byWeight = byWeight(mentions);
        List<String> ranked = material(hostFirst(placeBeforeActor(byWeight, mentions, actors), mentions, fields),
                byWeight, mentions, actors);
        for (String code : ranked) {
            tags.add(tag("country", code, weight(mentions.get(code)), evidenceOf(mentions.get(code))));
        }
        String hinted = hintedCountry(hint);
        if (ranked.isEmpty() && hinted != null) {
            tags.add(new Tag("country", hinted, HINT_CONFIDENCE, true, List.of()));
            return List.of(hinted);
        }
        return ranked;
    }

    /**
     * Drops the violation types whose context is missing: a type listed in violation-context.tsv
     * counts only when the report also speaks of one of its freedoms — in freedoms.tsv phrases,
     * or through another type found that implies it — so that "charged with" in a burglary case or
     * "overturned" in a match report does not make them civic space.
     */
    private Map<ViolationType, List<Match<ViolationType>>> inContext(Map<ViolationType, List<Match<ViolationType>>> found,
            Set<Freedom> freedomsNamed, List<TextField> fields) {
        Set<Freedom> context = EnumSet.noneOf(Freedom.class);
        context.addAll(freedomsNamed);
        found.keySet().stream().filter(violation -> !contextNeeded.containsKey(violation))
                .forEach(violation -> context.addAll(impliedFreedoms.getOrDefault(violation, Set.of())));
        boolean civic = fields.stream().anyMatch(field -> !civicContext.find(field).isEmpty());
        Map<ViolationType, List<Match<ViolationType>>> kept = new LinkedHashMap<>();
        found.forEach((violation, matches) -> {
            Set<Freedom> needed = contextNeeded.get(violation);
            boolean any = needed != null && needed.isEmpty() && (!context.isEmpty() || civic);
            if (needed == null || any || needed.stream().anyMatch(context::contains)) {
                kept.put(violation, matches);
            }
        });
        return kept;
    }

    /** The violations among the phrases found, once exclusions, asides and context have had their say. */
    private Map<ViolationType, List<Match<ViolationType>>> violationsIn(List<Match<ViolationType>> found, Set<Freedom> named,
            List<TextField> fields) {
        return inContext(outsideBrackets(byLabel(violationExclusions.apply(fields, found))), named, fields);
    }

    /**
     * Words in brackets are an aside, often a legal formula the press must print after a name
     * ("(recognised as undesirable in Russia)"): a violation found only there is not the news.
     */
    private static <L> Map<L, List<Match<L>>> outsideBrackets(Map<L, List<Match<L>>> found) {
        found.values().forEach(matches -> matches.removeIf(Classifier::inBrackets));
        found.values().removeIf(List::isEmpty);
        return found;
    }

    private static boolean inBrackets(Match<?> match) {
        return match.field().inBrackets(match.start(), match.end());
    }

    /** How many phrases of a freedom exclusion (a referee, a match, a goal) make it hold for the whole report. */
    static final int FREEDOM_RULE_REPORT_WIDE = 3;

    /** How often a freedom's people or events must be mentioned to count without a violation beside them. */
    static final int MENTIONS_NEEDED = 2;

    /**
     * The mentions (freedom-mentions.tsv) that make a freedom: a freedom's mentions when there are
     * at least {@value #MENTIONS_NEEDED} (the headline counting {@value #TITLE_WEIGHT}), or when one
     * of them shares a sentence with a violation — or, in a report with no violation, stands in the
     * headline or the first sentence. A protest the report only recalls, or a journalist it quotes,
     * does not count.
     */
    private static Map<Freedom, List<Match<Freedom>>> mentionsThatCount(Map<Freedom, List<Match<Freedom>>> mentions,
            Map<ViolationType, List<Match<ViolationType>>> violationsFound) {
        // The sentences whose mentions count: those that name a violation; with no violation, the
        // headline and the first sentence, which say what the report is about.
        Set<String> violationSentences = new java.util.HashSet<>();
        violationsFound.values().forEach(matches -> matches.forEach(match -> violationSentences.add(sentenceOf(match))));
        if (violationsFound.isEmpty()) {
            mentions.values().forEach(matches -> matches.stream()
                    .filter(match -> match.field().name().equals(TITLE) || match.sentence() == 0)
                    .forEach(match -> violationSentences.add(sentenceOf(match))));
        }
        Map<Freedom, List<Match<Freedom>>> counted = new LinkedHashMap<>();
        mentions.forEach((freedom, matches) -> {
            if (weight(matches) >= MENTIONS_NEEDED
                    || matches.stream().anyMatch(match -> violationSentences.contains(sentenceOf(match)))) {
                counted.put(freedom, matches);
            }
        });
        return counted;
    }

    private static String sentenceOf(Match<?> match) {
        return match.field().name() + "\u0000" + match.sentence();
    }

    /**
     * A dateline ("BISHKEK, March 3 -") says where the story was filed, not what it is about: a
     * place in capitals that opens the text does not count.
     */
    private static void withoutDateline(Map<String, List<Match<String>>> mentions) {
        mentions.values().forEach(matches -> matches.removeIf(match -> match.field().name().equals("text")
                && match.firstWord() == 0 && isUpperCase(match.field().text().substring(match.start(), match.end()))));
        mentions.values().removeIf(List::isEmpty);
    }

    private static boolean isUpperCase(String words) {
        return words.length() > 2 && words.equals(words.toUpperCase(Locale.ROOT)) && !words.equals(words.toLowerCase(Locale.ROOT));
    }

    /**
     * Transnational repression is filed under the country where the act took place: when the
     * report says someone lives abroad (abroad.tsv), the country named as a place ("in Istanbul",
     * "в Стамбуле") leads, and the home country follows.
     */
    private List<String> hostFirst(List<String> ranked, Map<String, List<Match<String>>> mentions, List<TextField> fields) {
        if (ranked.size() < 2 || fields.stream().allMatch(field -> abroad.find(field).isEmpty())) {
            return ranked;
        }
        String host = null;
        int best = 0;
        for (String code : ranked.subList(1, ranked.size())) {
            int places = (int) mentions.get(code).stream().filter(Classifier::isPlace).count();
            if (places > best) {
                host = code;
                best = places;
            }
        }
        if (host == null) {
            return ranked;
        }
        List<String> reordered = new ArrayList<>(ranked);
        reordered.remove(host);
        reordered.add(0, host);
        return reordered;
    }

    /** How much a country other than the first must be mentioned to count without being an actor (the headline counts {@value #TITLE_WEIGHT}). */
    static final int OTHER_COUNTRY_WEIGHT = 3;

    /**
     * The countries a report materially concerns: the first; in an exile's story, the home country
     * too; and any other country named at least {@value #OTHER_COUNTRY_WEIGHT} times, or named as
     * one who acted ("Russian forces", "российские силовики"; country-actors.tsv). A country in a
     * list of examples, a partner in trade or a passing comparison is left out.
     */
    private static List<String> material(List<String> ranked, List<String> byWeight, Map<String, List<Match<String>>> mentions,
            List<Match<String>> actors) {
        if (ranked.size() < 2) {
            return ranked;
        }
        Set<String> kept = new LinkedHashSet<>();
        kept.add(ranked.get(0));
        if (!ranked.get(0).equals(byWeight.get(0))) {
            kept.add(byWeight.get(0));
        }
        for (String code : ranked) {
            List<Match<String>> named = mentions.get(code);
            if (weight(named) >= OTHER_COUNTRY_WEIGHT || named.stream().anyMatch(match -> isActor(match, actors))) {
                kept.add(code);
            }
        }
        return ranked.stream().filter(kept::contains).toList();
    }

    /**
     * A country named only as the one who acted ("detained by Russian forces") is not where the
     * events took place: the most mentioned country named otherwise leads.
     */
    private static List<String> placeBeforeActor(List<String> ranked, Map<String, List<Match<String>>> mentions,
            List<Match<String>> actors) {
        if (ranked.size() < 2 || !mentions.get(ranked.get(0)).stream().allMatch(match -> isActor(match, actors))) {
            return ranked;
        }
        for (String code : ranked.subList(1, ranked.size())) {
            if (!mentions.get(code).stream().allMatch(match -> isActor(match, actors))) {
                List<String> reordered = new ArrayList<>(ranked);
                reordered.remove(code);
                reordered.add(0, code);
                return reordered;
            }
        }
        return ranked;
    }

    private static boolean isActor(Match<String> country, List<Match<String>> actors) {
        return actors.stream().anyMatch(actor -> actor.field() == country.field() && actor.firstWord() == nextWord(country));
    }

    /** The word after a match, past a possessive "'s" ("China's ministry"). */
    private static int nextWord(Match<?> match) {
        TextField field = match.field();
        int next = match.lastWord() + 1;
        boolean possessive = next < field.size() && field.end(next) - field.start(next) == 1
                && field.folded(field.start(next)) == 's' && field.start(next) == match.end() + 1;
        return possessive ? next + 1 : next;
    }

    private static final Set<String> PLACE_WORDS = Set.of("in", "в", "во", "at");

    private static boolean isPlace(Match<String> match) {
        if (match.firstWord() == 0) {
            return false;
        }
        TextField field = match.field();
        int before = match.firstWord() - 1;
        return PLACE_WORDS.contains(field.folded(field.start(before), field.end(before)));
    }

    /** Tags the freedoms found in the text, then the hinted ones it did not find. */
    private static Set<Freedom> freedomTags(Map<Freedom, Set<Evidence>> evidence, Set<Freedom> hinted, List<Tag> tags) {
        Set<Freedom> found = EnumSet.noneOf(Freedom.class);
        evidence.forEach((freedom, spans) -> {
            found.add(freedom);
            tags.add(tag("freedom", freedom.wireName(), List.copyOf(spans)));
        });
        for (Freedom freedom : hinted) {
            if (found.add(freedom)) {
                tags.add(new Tag("freedom", freedom.wireName(), HINT_CONFIDENCE, true, List.of()));
            }
        }
        return found;
    }

    private static <L> Map<L, List<Match<L>>> find(PhraseMatcher<L> matcher, Exclusions<L> exclusions, List<TextField> fields) {
        List<Match<L>> matches = new ArrayList<>();
        for (TextField field : fields) {
            matches.addAll(matcher.find(field));
        }
        return byLabel(exclusions.apply(fields, matches));
    }

    private static <L> Map<L, List<Match<L>>> byLabel(List<Match<L>> matches) {
        Map<L, List<Match<L>>> byLabel = new LinkedHashMap<>();
        for (Match<L> match : matches) {
            byLabel.computeIfAbsent(match.label(), label -> new ArrayList<>()).add(match);
        }
        return byLabel;
    }

    /** Labels by weight of mentions, most first; a tie goes to the label mentioned first. */
    private static <L> List<L> byWeight(Map<L, List<Match<L>>> matches) {
        List<L> labels = new ArrayList<>(matches.keySet());
        labels.sort(Comparator.comparingInt((L label) -> weight(matches.get(label))).reversed());
        return labels;
    }

    private static int weight(List<? extends Match<?>> matches) {
        int weight = 0;
        for (Match<?> match : matches) {
            weight += match.field().name().equals(TITLE) ? TITLE_WEIGHT : 1;
        }
        return weight;
    }

    private Map<Freedom, Set<Evidence>> freedomEvidence(Map<Freedom, List<Match<Freedom>>> freedomMatches,
            Map<ViolationType, List<Match<ViolationType>>> violationMatches) {
        Map<Freedom, Set<Evidence>> evidence = new EnumMap<>(Freedom.class);
        freedomMatches.forEach((freedom, matches) -> evidence.computeIfAbsent(freedom, f -> new LinkedHashSet<>())
                .addAll(evidenceOf(matches)));
        violationMatches.forEach((violation, matches) -> {
            for (Freedom freedom : impliedFreedoms.getOrDefault(violation, Set.of())) {
                evidence.computeIfAbsent(freedom, f -> new LinkedHashSet<>()).addAll(evidenceOf(matches));
            }
        });
        return evidence;
    }

    /**
     * How urgent the report is. Each violation type has a level (urgency.tsv); with no violation, a
     * report that speaks of a civic freedom is routine and any other is not relevant. An urgent
     * type makes the report urgent only when it is the news and happening now: found in the
     * headline or the lead paragraph, in a report that does not look back (retrospect cues), does
     * not open with criticism of past events (commentary cues), and — for a detention, torture or
     * disappearance — reports no release. Otherwise it counts as high. Words that someone is held
     * now ("remains in custody", "sentenced to ... years", "под стражей"; held cues), in a sentence
     * that neither releases nor supposes, make any report with a violation urgent.
     */
    private Urgency urgencyOf(Map<ViolationType, List<Match<ViolationType>>> violationsFound, Set<Freedom> freedomsFound,
            List<TextField> fields, int leadEnd, Set<Evidence> why) {
        if (violationsFound.isEmpty()) {
            return freedomsFound.isEmpty() ? Urgency.NOT_RELEVANT : Urgency.ROUTINE;
        }
        Urgency most = Urgency.NOT_RELEVANT;
        for (ViolationType violation : violationsFound.keySet()) {
            Urgency implied = urgencies.get(violation);
            most = implied.isAtLeast(most) ? implied : most;
        }
        Cues cues = cues(fields);
        // Years served are no danger in a report whose only news is the release.
        if (!cues.retrospect && most != Urgency.ROUTINE) {
            why.addAll(cues.held);
        }
        if (most == Urgency.URGENT) {
            violationsFound.forEach((violation, matches) -> {
                if (urgencies.get(violation) != Urgency.URGENT || cues.retrospect || cues.commentary
                        || (cues.released && untilReleased.contains(violation))) {
                    return;
                }
                matches.stream().filter(match -> inLead(match, leadEnd)).forEach(match -> why.add(match.evidence()));
            });
        }
        if (!why.isEmpty()) {
            return Urgency.URGENT;
        }
        return most == Urgency.URGENT ? Urgency.HIGH : most;
    }

    /** What the urgency cues say about a report. */
    private record Cues(List<Evidence> held, boolean released, boolean retrospect, boolean commentary) {
    }

    private Cues cues(List<TextField> fields) {
        List<Match<String>> found = new ArrayList<>();
        fields.forEach(field -> found.addAll(urgencyCues.find(field)));
        Set<String> notNow = new java.util.HashSet<>();
        boolean released = false;
        boolean retrospect = false;
        boolean commentary = false;
        for (Match<String> cue : found) {
            switch (cue.label()) {
                case RELEASE -> {
                    released = true;
                    notNow.add(cue.field().name() + cue.sentence());
                }
                case HYPOTHETICAL -> notNow.add(cue.field().name() + cue.sentence());
                case RETROSPECT -> retrospect = true;
                case COMMENTARY -> commentary |= cue.field().name().equals(TITLE) || cue.sentence() == 0;
                default -> {
                }
            }
        }
        List<Evidence> held = found.stream().filter(cue -> cue.label().equals(HELD))
                .filter(cue -> !notNow.contains(cue.field().name() + cue.sentence())).map(Match::evidence).toList();
        return new Cues(held, released, retrospect, commentary);
    }

    static final String HELD = "held";
    static final String RELEASE = "release";
    static final String HYPOTHETICAL = "hypothetical";
    static final String RETROSPECT = "retrospect";
    static final String COMMENTARY = "commentary";
    private static final Set<String> CUE_KINDS = Set.of(HELD, RELEASE, HYPOTHETICAL, RETROSPECT, COMMENTARY);

    /** The lead: the first paragraph of the text, after any short heading lines (a dateline, a date). */
    static final int LEAD_MIN_LENGTH = 150;

    private static int leadEnd(String text) {
        int end = text.indexOf('\n');
        while (end >= 0 && text.substring(0, end).strip().length() < LEAD_MIN_LENGTH) {
            end = text.indexOf('\n', end + 1);
        }
        return end < 0 ? text.length() : end;
    }

    private static boolean inLead(Match<?> match, int leadEnd) {
        return match.field().name().equals(TITLE) || match.start() < leadEnd;
    }

    /**
     * A release, acquittal or pardon mentioned in passing is not the news: with other violations
     * found, positive_development counts only when the headline or the lead reports it.
     */
    private static Map<ViolationType, List<Match<ViolationType>>> releasesInTheNews(
            Map<ViolationType, List<Match<ViolationType>>> found, int leadEnd) {
        List<Match<ViolationType>> positive = found.get(ViolationType.POSITIVE_DEVELOPMENT);
        if (positive != null && found.size() > 1 && positive.stream().noneMatch(match -> inLead(match, leadEnd))) {
            found.remove(ViolationType.POSITIVE_DEVELOPMENT);
        }
        return found;
    }

    /** The urgency with the spans that set it: those that made it urgent, else those of the violations of that level, else of the freedoms. */
    private Tag urgencyTag(Urgency urgency, Map<ViolationType, List<Match<ViolationType>>> violationsFound,
            Map<Freedom, Set<Evidence>> freedomEvidence, Set<Evidence> urgentWhy) {
        Set<Evidence> why = new LinkedHashSet<>();
        if (urgency == Urgency.URGENT) {
            why.addAll(urgentWhy);
        } else {
            violationsFound.forEach((violation, matches) -> {
                Urgency level = urgencies.get(violation) == Urgency.URGENT ? Urgency.HIGH : urgencies.get(violation);
                if (level == urgency) {
                    why.addAll(evidenceOf(matches));
                }
            });
        }
        if (violationsFound.isEmpty()) {
            freedomEvidence.values().forEach(why::addAll);
        }
        return tag("urgency", urgency.wireName(), List.copyOf(why));
    }

    private static Tag tag(String kind, String value, List<Evidence> evidence) {
        return tag(kind, value, evidence.size(), evidence);
    }

    /** More evidence, more confidence: 0.6 for one span, 0.84 for two, 0.94 for three; 0.5 for none. */
    private static Tag tag(String kind, String value, int weight, List<Evidence> evidence) {
        double confidence = weight == 0 ? NO_EVIDENCE_CONFIDENCE : round(1 - Math.pow(0.4, weight));
        return new Tag(kind, value, confidence, false, evidence);
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }

    private static List<Evidence> evidenceOf(List<? extends Match<?>> matches) {
        List<Evidence> evidence = new ArrayList<>(matches.size());
        for (Match<?> match : matches) {
            evidence.add(match.evidence());
        }
        return evidence;
    }

    // ---- loading the data files

    private static String countryCode(String code) {
        if (code == null || !code.matches("[A-Z]{2}") || code.equals(Classification.NO_COUNTRY)) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 3166-1 alpha-2 code in capitals");
        }
        return code;
    }

    private static String countryOrNone(String code) {
        return NOT_A_COUNTRY.equals(code) ? code : countryCode(code);
    }

    private static String hintedCountry(String hint) {
        if (hint == null) {
            return null;
        }
        String code = hint.strip().toUpperCase(Locale.ROOT);
        return code.matches("[A-Z]{2}") && !code.equals(Classification.NO_COUNTRY) ? code : null;
    }

    private static <L> PhraseMatcher<L> phrases(PhraseTrie trie, DataFile file, Function<String, L> labels,
            boolean oneLabelPerSpan) {
        PhraseMatcher<L> matcher = new PhraseMatcher<>(trie, oneLabelPerSpan);
        for (DataFile.Row row : file.rows()) {
            try {
                L label = labels.apply(row.key());
                for (String phrase : row.values()) {
                    matcher.add(label, phrase);
                }
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
        return matcher;
    }

    private static ViolationPhrases violations(PhraseTrie trie) {
        return ViolationPhrases.of(phrases(trie, DataFile.read("violations.tsv"), ViolationType::fromWire, false),
                DataFile.read("violation-roles.tsv"), DataFile.read("violation-acts.tsv"), DataFile.read("violation-role-acts.tsv"));
    }

    private static Map<ViolationType, Set<Freedom>> impliedFreedoms(DataFile file) {
        Map<ViolationType, Set<Freedom>> implied = new EnumMap<>(ViolationType.class);
        for (DataFile.Row row : file.rows()) {
            try {
                Set<Freedom> freedoms = implied.computeIfAbsent(ViolationType.fromWire(row.key()),
                        violation -> EnumSet.noneOf(Freedom.class));
                row.values().forEach(freedom -> freedoms.add(Freedom.fromWire(freedom)));
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
        return implied;
    }

    private static String cueKind(String kind) {
        if (!CUE_KINDS.contains(kind)) {
            throw new IllegalArgumentException("'" + kind + "' is not one of " + new java.util.TreeSet<>(CUE_KINDS));
        }
        return kind;
    }

    static final String UNTIL_RELEASED = "until released";

    private static Set<ViolationType> untilReleased(DataFile file) {
        Set<ViolationType> types = EnumSet.noneOf(ViolationType.class);
        for (DataFile.Row row : file.rows()) {
            if (row.values().size() == 2) {
                types.add(ViolationType.fromWire(row.key()));
            }
        }
        return types;
    }

    private static Map<ViolationType, Urgency> urgencies(DataFile file) {
        Map<ViolationType, Urgency> urgencies = new EnumMap<>(ViolationType.class);
        for (DataFile.Row row : file.rows()) {
            if (row.values().isEmpty() || row.values().size() > 2
                    || (row.values().size() == 2 && !row.values().get(1).equals(UNTIL_RELEASED))) {
                throw row.error("expected: violation type, one urgency, and optionally '" + UNTIL_RELEASED + "'");
            }
            try {
                urgencies.put(ViolationType.fromWire(row.key()), Urgency.fromWire(row.values().get(0)));
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
        for (ViolationType violation : ViolationType.values()) {
            if (!urgencies.containsKey(violation)) {
                throw new IllegalStateException(file.name() + ": no urgency for " + violation.wireName());
            }
        }
        return urgencies;
    }
}
