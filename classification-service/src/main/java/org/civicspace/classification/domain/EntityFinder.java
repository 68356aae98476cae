package org.civicspace.classification.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicspace.events.Entity;
import org.civicspace.events.EntityKind;
import org.civicspace.events.Evidence;

/**
 * The people, organisations and places a report names, each with the spans that name it. A
 * person is a name of two or three capitalised words right after a role ({@code person-roles.tsv}:
 * "activist Aigerim Tulegenova", "журналиста Тимура Осмонова") or right before a comma and a role
 * ("Ruslan Abdykadyrov, a local reporter"); an organisation a name in quotes or capitals after a
 * word for one ({@code organisations.tsv}: движение «Весна», rights group Adil Soz) or a capitalised
 * name ending in a head word ("Steppe Media Foundation"); a place a city or region of
 * {@code places.tsv} where the country gazetteer finds it too. Precision comes first: a wrong
 * person would join unrelated incidents, so a lone capitalised word, a place's or country's name,
 * and anything in a headline written in title case is no person.
 */
final class EntityFinder {

    static final String BEFORE = "before";
    static final String HEAD = "head";
    static final int MIN_NAME_WORDS = 2;
    static final int MAX_NAME_WORDS = 3;
    /** Words of a name in capitals after an organisation word, at most. */
    static final int MAX_ORGANISATION_WORDS = 4;
    /** Letters an acronym needs to be taken for a name ("ЕС" is too short to tell). */
    static final int MIN_ACRONYM = 3;
    /** Words (articles, adjectives) that may stand between a name's comma and its role: "X, a local reporter". */
    static final int MAX_WORDS_BEFORE_ROLE = 3;
    /** A quoted name is closed within this many characters, or it is no name. */
    static final int MAX_QUOTED = 80;
    /** Words that may join the capitalised words of an organisation's name: "Bureau for Human Rights". */
    private static final Set<String> NAME_JOINERS = Set.of("for", "of", "and", "on", "to", "the");
    private static final String OPENING_QUOTES = "«\"“„";
    private static final String CLOSING_QUOTES = "»\"”“";

    private final PhraseMatcher<String> roles;
    private final PhraseMatcher<String> organisationWords;
    private final PhraseMatcher<String> places;
    /** Folded words that end a person's name. */
    private final Set<String> notNames;
    /** Folded words that end an organisation's name in capitals: the function and time words. */
    private final Set<String> notOrganisationWords;

    private EntityFinder(PhraseMatcher<String> roles, PhraseMatcher<String> organisationWords, PhraseMatcher<String> places,
            Set<String> notNames, Set<String> notOrganisationWords) {
        this.roles = roles;
        this.organisationWords = organisationWords;
        this.places = places;
        this.notNames = notNames;
        this.notOrganisationWords = notOrganisationWords;
    }

    /** Loads the entity data files, their phrases added to {@code trie}; a bad row fails with its file and line. */
    static EntityFinder load(PhraseTrie trie) {
        PhraseMatcher<String> roles = new PhraseMatcher<>(trie, false);
        add(roles, DataFile.read("person-roles.tsv"), false);
        PhraseMatcher<String> organisationWords = new PhraseMatcher<>(trie, false);
        add(organisationWords, DataFile.read("organisations.tsv"), true);
        PhraseMatcher<String> places = new PhraseMatcher<>(trie, true);
        add(places, DataFile.read("places.tsv"), false);
        Set<String> notNames = new HashSet<>();
        Set<String> notOrganisationWords = new HashSet<>();
        for (DataFile.Row row : DataFile.read("person-not-names.tsv").rows()) {
            for (String word : row.values()) {
                notNames.add(folded(word));
                if (!row.key().equals("office")) {
                    notOrganisationWords.add(folded(word));
                }
            }
        }
        return new EntityFinder(roles, organisationWords, places, Set.copyOf(notNames), Set.copyOf(notOrganisationWords));
    }

    private static void add(PhraseMatcher<String> matcher, DataFile file, boolean kinds) {
        for (DataFile.Row row : file.rows()) {
            if (row.values().isEmpty() || (kinds && !row.key().equals(BEFORE) && !row.key().equals(HEAD))) {
                throw row.error(kinds ? "expected: '" + BEFORE + "' or '" + HEAD + "', then phrases" : "expected: a name, then phrases");
            }
            try {
                row.values().forEach(phrase -> matcher.add(row.key(), phrase));
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
    }

    private static String folded(String word) {
        return TextField.of("", word).folded(0, word.length());
    }

    /**
     * The entities of a document: people first, then organisations, then places, each in the order
     * first named; one entity per name, with every span that names it.
     *
     * @param countryNames every name of a country the gazetteer finds (they are no one's name)
     * @param countries the country mentions that count, exclusions applied: a place must be one, and
     *     of the country its name says (Moscow, Idaho is relabelled to the US, and is no place)
     */
    List<Entity> find(List<TextField> fields, List<Match<String>> countryNames, List<Match<String>> countries) {
        Map<String, List<Evidence>> people = new LinkedHashMap<>();
        Map<String, List<Evidence>> organisations = new LinkedHashMap<>();
        Map<String, List<Evidence>> placesFound = new LinkedHashMap<>();
        for (TextField field : fields) {
            boolean[] notAName = placeWords(field, countryNames);
            boolean titleCase = isTitleCase(field);
            if (!titleCase) {
                for (Match<String> role : roles.find(field)) {
                    if (isInAName(field, role)) {
                        continue;
                    }
                    personAfter(field, role, notAName, people);
                    personBefore(field, role, notAName, people);
                }
            }
            for (Match<String> word : organisationWords.find(field)) {
                if (word.label().equals(BEFORE)) {
                    organisationAfter(field, word, titleCase, notAName, organisations);
                    if (!titleCase) {
                        organisationBefore(field, word, notAName, organisations);
                    }
                } else if (!titleCase) {
                    organisationEndingIn(field, word, notAName, organisations);
                }
            }
            for (Match<String> place : places.find(field)) {
                if (countries.stream().anyMatch(country -> country.field() == field && within(place, country)
                        && countryNames.stream().anyMatch(name -> name.equals(country)))) {
                    placesFound.computeIfAbsent(place.label(), name -> new ArrayList<>()).add(place.evidence());
                }
            }
        }
        List<Entity> entities = new ArrayList<>();
        people.forEach((name, spans) -> entities.add(entity(EntityKind.PERSON, spans)));
        organisations.forEach((name, spans) -> entities.add(entity(EntityKind.ORGANISATION, spans)));
        placesFound.forEach((name, spans) -> entities.add(new Entity(EntityKind.PLACE, name, spans)));
        return entities;
    }

    private static boolean within(Match<?> inner, Match<?> outer) {
        return outer.firstWord() <= inner.firstWord() && inner.lastWord() <= outer.lastWord();
    }

    /** An entity named as first written. */
    private static Entity entity(EntityKind kind, List<Evidence> spans) {
        return new Entity(kind, spans.get(0).words(), spans);
    }

    /** A role word capitalised inside a sentence is part of a name: "Reporters Without Borders". */
    private static boolean isInAName(TextField field, Match<String> role) {
        int first = role.firstWord();
        boolean opensSentence = first == 0 || field.sentence(first - 1) != field.sentence(first);
        return !opensSentence && Character.isUpperCase(field.text().charAt(field.start(first)));
    }

    /** "activist Aigerim Tulegenova", and a second name joined by and: "journalists A B and C D". */
    private void personAfter(TextField field, Match<String> role, boolean[] notAName, Map<String, List<Evidence>> people) {
        int first = role.lastWord() + 1;
        int last = nameFrom(field, first, notAName);
        if (last < 0) {
            return;
        }
        addSpan(people, field, first, last);
        int and = last + 1;
        if (and + 1 < field.size() && field.sentence(and) == field.sentence(last) && isAnd(field, and) && !field.commaBefore(last)) {
            int second = nameFrom(field, and + 1, notAName);
            if (second >= 0) {
                addSpan(people, field, and + 1, second);
            }
        }
    }

    private static boolean isAnd(TextField field, int word) {
        String folded = field.folded(field.start(word), field.end(word));
        return folded.equals("and") || folded.equals("и");
    }

    /** The last word of a person's name of two or three words starting at {@code first}, or -1. */
    private int nameFrom(TextField field, int first, boolean[] notAName) {
        if (first >= field.size() || (first > 0 && field.sentence(first) != field.sentence(first - 1))
                || (first > 0 && !joinedBySpace(field, first - 1))) {
            return -1;
        }
        int last = first - 1;
        while (last + 1 < field.size() && isNameWord(field, last + 1, notAName)
                && (last < first || joinedByName(field, last))) {
            last++;
        }
        int words = last - first + 1;
        // a run longer than a name is a title, an outlet or a headline
        boolean runsOn = last + 1 < field.size() && joinedByName(field, last) && isCapitalised(field, last + 1);
        return words >= MIN_NAME_WORDS && words <= MAX_NAME_WORDS && !runsOn ? last : -1;
    }

    /** "Ruslan Abdykadyrov, a local reporter", "Айпери Садыкова, адвокат": one person, so not "…, journalists". */
    private void personBefore(TextField field, Match<String> role, boolean[] notAName, Map<String, List<Evidence>> people) {
        if (isPlural(field, role.lastWord())) {
            return;
        }
        // the name's last word: the one the comma follows, past a few small words ("a local")
        int last = role.firstWord() - 1;
        for (int between = 0; last >= 0 && !field.commaBefore(last); between++, last--) {
            if (between == MAX_WORDS_BEFORE_ROLE || isCapitalised(field, last)) {
                return;
            }
        }
        if (last < 1 || field.sentence(last) != role.sentence() || !isNameWord(field, last, notAName)) {
            return;
        }
        int first = last;
        while (first > 0 && last - first + 1 < MAX_NAME_WORDS && field.sentence(first - 1) == role.sentence()
                && joinedByName(field, first - 1) && isNameWord(field, first - 1, notAName)) {
            first--;
        }
        // a name that runs on to the left is part of something longer
        boolean runsOn = first > 0 && field.sentence(first - 1) == role.sentence() && joinedByName(field, first - 1)
                && isCapitalised(field, first - 1);
        if (last - first + 1 >= MIN_NAME_WORDS && !runsOn) {
            addSpan(people, field, first, last);
        }
    }

    /** Journalists, журналисты, правозащитники: a role of several people. */
    private static boolean isPlural(TextField field, int word) {
        char end = field.folded(field.end(word) - 1);
        return end == 's' || end == 'ы' || end == 'и';
    }

    /** The name after an organisation word: in quotes, or in capitals. */
    private void organisationAfter(TextField field, Match<String> word, boolean titleCase, boolean[] notAName,
            Map<String, List<Evidence>> organisations) {
        String text = field.text();
        int at = word.end();
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        if (at < text.length() && OPENING_QUOTES.indexOf(text.charAt(at)) >= 0) {
            int close = -1;
            for (int i = at + 1; i < text.length() && i - at <= MAX_QUOTED && text.charAt(i) != '\n'; i++) {
                if (CLOSING_QUOTES.indexOf(text.charAt(i)) >= 0) {
                    close = i;
                    break;
                }
            }
            if (close > at + 1 && text.substring(at + 1, close).chars().anyMatch(Character::isLetter)) {
                addSpan(organisations, field, field.evidence(at + 1, close));
            }
            return;
        }
        int first = word.lastWord() + 1;
        if (titleCase || first >= field.size() || field.sentence(first) != word.sentence() || !joinedBySpace(field, word.lastWord())) {
            return;
        }
        int last = first - 1;
        while (last + 1 < field.size() && last + 1 - first < MAX_ORGANISATION_WORDS && (last < first || joinedByName(field, last))
                && isOrganisationWord(field, last + 1)) {
            last++;
        }
        if (last >= first && !allPlaces(notAName, first, last)) {
            addSpan(organisations, field, first, last);
        }
    }

    /**
     * "the Oyan Qazaqstan movement", "the opposition Democratic Choice party": English words in
     * capitals right before a lower-case organisation word, not at the start of a sentence (where
     * any word is capitalised) and not all of them a country's or place's name ("a Kazakh newspaper").
     */
    private void organisationBefore(TextField field, Match<String> word, boolean[] notAName,
            Map<String, List<Evidence>> organisations) {
        int last = word.firstWord() - 1;
        if (last < 0 || isCyrillic(field.text().charAt(field.start(word.firstWord())))
                || Character.isUpperCase(field.text().charAt(field.start(word.firstWord()))) || !joinedBySpace(field, last)) {
            return;
        }
        int first = last + 1;
        while (first - 1 >= 0 && last - first + 1 < MAX_ORGANISATION_WORDS && field.sentence(first - 1) == word.sentence()
                && joinedByName(field, first - 1) && isOrganisationWord(field, first - 1)) {
            first--;
        }
        boolean opensSentence = first == 0 || field.sentence(first - 1) != word.sentence();
        if (first <= last && !opensSentence && !allPlaces(notAName, first, last)) {
            addSpan(organisations, field, first, last);
        }
    }

    /** A word of an organisation's name in capitals: English capitalised, Russian only as an acronym ("ОВД-Инфо" counts by its first part). */
    private boolean isOrganisationWord(TextField field, int word) {
        String folded = field.folded(field.start(word), field.end(word));
        if (notOrganisationWords.contains(folded)) {
            return false;
        }
        char first = field.text().charAt(field.start(word));
        if (isCyrillic(first)) {
            return isAcronym(field, word) || (word > 0 && field.text().charAt(field.start(word) - 1) == '-'
                    && isAcronym(field, word - 1) && isCapitalised(field, word));
        }
        return isCapitalised(field, word) || isAcronym(field, word);
    }

    /** "the Steppe Media Foundation", "Bureau for Human Rights": capitalised words ending in (or around) a head word. */
    private void organisationEndingIn(TextField field, Match<String> head, boolean[] notAName,
            Map<String, List<Evidence>> organisations) {
        if (!isCapitalised(field, head.firstWord())) {
            return;
        }
        int first = head.firstWord();
        while (first - 1 >= 0 && field.sentence(first - 1) == head.sentence() && joinedByName(field, first - 1)
                && isCapitalised(field, first - 1) && !notOrganisationWords.contains(foldedWord(field, first - 1))) {
            first--;
        }
        int last = head.lastWord();
        // "for Human Rights": joiners count only when a capitalised word follows them
        for (int next = last + 1; next < field.size() && field.sentence(next) == head.sentence() && joinedByName(field, next - 1); next++) {
            if (notAName[next] && NAME_JOINERS.contains(foldedWord(field, next - 1))) {
                // "Foundation and Sweden": a country after a joiner is a list, not the name
                break;
            }
            if (isCapitalised(field, next) && !notOrganisationWords.contains(foldedWord(field, next))) {
                last = next;
            } else if (!NAME_JOINERS.contains(foldedWord(field, next))) {
                break;
            }
        }
        if (last > first) {
            addSpan(organisations, field, first, last);
        }
    }

    private static void addSpan(Map<String, List<Evidence>> found, TextField field, int first, int last) {
        addSpan(found, field, field.evidence(field.start(first), field.end(last)));
    }

    private static void addSpan(Map<String, List<Evidence>> found, TextField field, Evidence span) {
        for (List<Evidence> spans : found.values()) {
            // an organisation found both by its word and by its head is one
            if (spans.stream().anyMatch(other -> other.field().equals(span.field()) && other.start() == span.start() && other.end() == span.end())) {
                return;
            }
        }
        found.computeIfAbsent(field.folded(span.start(), span.end()), name -> new ArrayList<>()).add(span);
    }

    private boolean isNameWord(TextField field, int word, boolean[] notAName) {
        return !notAName[word] && isCapitalised(field, word) && !notNames.contains(foldedWord(field, word));
    }

    private static String foldedWord(TextField field, int word) {
        return field.folded(field.start(word), field.end(word));
    }

    /** A capital and then at least one small letter: "Tulegenova", not "OVD" or "tuesday". */
    private static boolean isCapitalised(TextField field, int word) {
        String text = field.text();
        int start = field.start(word);
        if (!Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        for (int i = start + 1; i < field.end(word); i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAcronym(TextField field, int word) {
        String text = field.text();
        if (field.end(word) - field.start(word) < MIN_ACRONYM) {
            return false;
        }
        for (int i = field.start(word); i < field.end(word); i++) {
            if (!Character.isUpperCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCyrillic(char c) {
        return Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC;
    }

    /** True when only a space stands between the word and the next. */
    private static boolean joinedBySpace(TextField field, int word) {
        return word + 1 < field.size() && field.start(word + 1) - field.end(word) == 1
                && Character.isSpaceChar(field.text().charAt(field.end(word)));
    }

    /** True when a space or a hyphen stands between the word and the next, as in a name: "Jean-Luc Abenov". */
    private static boolean joinedByName(TextField field, int word) {
        return joinedBySpace(field, word) || (word + 1 < field.size() && field.start(word + 1) - field.end(word) == 1
                && field.text().charAt(field.end(word)) == '-');
    }

    private static boolean allPlaces(boolean[] notAName, int first, int last) {
        for (int i = first; i <= last; i++) {
            if (!notAName[i]) {
                return false;
            }
        }
        return true;
    }

    /** The words inside a name of a country or place: they are nobody's name. */
    private static boolean[] placeWords(TextField field, List<Match<String>> countryNames) {
        boolean[] words = new boolean[field.size()];
        for (Match<String> name : countryNames) {
            if (name.field() == field) {
                for (int i = name.firstWord(); i <= name.lastWord(); i++) {
                    words[i] = true;
                }
            }
        }
        return words;
    }

    /** A headline in title case ("Journalist Held Overnight In Minsk Raid"): every word of four letters or more capitalised. */
    private static boolean isTitleCase(TextField field) {
        int longWords = 0;
        for (int word = 0; word < field.size(); word++) {
            if (field.end(word) - field.start(word) >= 4 && Character.isLetter(field.text().charAt(field.start(word)))) {
                if (!Character.isUpperCase(field.text().charAt(field.start(word)))) {
                    return false;
                }
                longWords++;
            }
        }
        return longWords >= 3;
    }
}
