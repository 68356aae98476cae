package org.civicspace.classification.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicspace.events.ViolationType;

/**
 * The phrases of the violation types: those of {@code violations.tsv}, and those made of who and
 * what — a role of {@code violation-roles.tsv} ("journalist*") and an act of
 * {@code violation-acts.tsv} ("detain*", near; "was ... detained", after), paired as
 * {@code violation-role-acts.tsv} says, English words with English acts and Russian with Russian.
 * A pairing may name a type "or" another ("hrd_detained or protester_detained"): it counts as the
 * second in a report whose other phrases find the second — an activist held at a protest is a
 * protester held.
 */
final class ViolationPhrases {

    static final String NEAR = "near";
    static final String AFTER = "after";
    static final String OR = " or ";

    /** One way of writing an act: the phrase, and whether it stands near the role or after it. */
    private record Act(String phrase, boolean near) {
    }

    /** A type, or another when the report finds the other too. */
    private record Choice(ViolationType usually, ViolationType whenFound) {
    }

    private final PhraseMatcher<ViolationType> plain;
    private final PhraseMatcher<Choice> choices;

    private ViolationPhrases(PhraseMatcher<ViolationType> plain) {
        this.plain = plain;
        this.choices = plain.sibling(false);
    }

    /** The phrases of violations.tsv and the plain pairings found in the fields. */
    List<Match<ViolationType>> find(List<TextField> fields) {
        List<Match<ViolationType>> found = new ArrayList<>();
        fields.forEach(field -> found.addAll(plain.find(field)));
        return found;
    }

    /**
     * The plain phrases found and the choices found in the fields, each choice settled by the types
     * the report holds without the choices ({@code settled}: those of the plain phrases that stand
     * in their context).
     */
    List<Match<ViolationType>> withChoices(List<TextField> fields, List<Match<ViolationType>> plainFound,
            Set<ViolationType> settled) {
        List<Match<ViolationType>> found = new ArrayList<>(plainFound);
        for (TextField field : fields) {
            for (Match<Choice> match : choices.find(field)) {
                Choice choice = match.label();
                ViolationType type = settled.contains(choice.whenFound()) ? choice.whenFound() : choice.usually();
                if (found.stream().noneMatch(other -> other.label() == type && overlap(other, match))) {
                    found.add(match.relabel(type));
                }
            }
        }
        return found;
    }

    private static boolean overlap(Match<?> one, Match<?> other) {
        return one.field() == other.field() && one.firstWord() <= other.lastWord() && other.firstWord() <= one.lastWord();
    }

    /** The phrases of {@code plain}, and every role × act phrase, each under its violation type. */
    static ViolationPhrases of(PhraseMatcher<ViolationType> plain, DataFile roleFile, DataFile actFile, DataFile combinations) {
        ViolationPhrases all = new ViolationPhrases(plain);
        Map<String, List<String>> roles = roles(roleFile);
        Map<String, List<Act>> acts = acts(actFile);
        for (DataFile.Row row : combinations.rows()) {
            if (row.values().size() < 2) {
                throw row.error("expected: violation type, role, then acts");
            }
            try {
                String[] types = row.key().split(OR);
                Choice choice = types.length == 2
                        ? new Choice(ViolationType.fromWire(types[0].strip()), ViolationType.fromWire(types[1].strip()))
                        : null;
                ViolationType violation = choice == null ? ViolationType.fromWire(row.key()) : null;
                List<String> who = known(roles, row.values().get(0), "role", row);
                for (String actName : row.values().subList(1, row.values().size())) {
                    for (Act act : known(acts, actName, "act", row)) {
                        for (String role : who) {
                            if (isCyrillic(role) == isCyrillic(act.phrase())) {
                                for (String phrase : phrases(role, act)) {
                                    if (choice == null) {
                                        all.plain.add(violation, phrase);
                                    } else {
                                        all.choices.add(choice, phrase);
                                    }
                                }
                            }
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
        return all;
    }

    /** "journalist* ... detain*" and "detain* … journalist*" for an act near the role; "journalist* ~ was ... detained" after it. */
    private static List<String> phrases(String role, Act act) {
        // An act before the role must reach it within the clause: "detained two suspects, the blogger said".
        return act.near()
                ? List.of(role + " " + PhraseMatcher.GAP + " " + act.phrase(), act.phrase() + " " + PhraseMatcher.CLAUSE_GAP + " " + role)
                : List.of(role + " " + PhraseMatcher.LONG + " " + act.phrase());
    }

    private static Map<String, List<String>> roles(DataFile file) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        for (DataFile.Row row : file.rows()) {
            if (row.values().isEmpty()) {
                throw row.error("expected: role, then phrases");
            }
            roles.computeIfAbsent(row.key(), role -> new ArrayList<>()).addAll(row.values());
        }
        return roles;
    }

    private static Map<String, List<Act>> acts(DataFile file) {
        Map<String, List<Act>> acts = new LinkedHashMap<>();
        for (DataFile.Row row : file.rows()) {
            if (row.values().size() < 2 || !(row.values().get(0).equals(NEAR) || row.values().get(0).equals(AFTER))) {
                throw row.error("expected: act, '" + NEAR + "' or '" + AFTER + "', then phrases");
            }
            boolean near = row.values().get(0).equals(NEAR);
            List<Act> phrases = acts.computeIfAbsent(row.key(), act -> new ArrayList<>());
            row.values().subList(1, row.values().size()).forEach(phrase -> phrases.add(new Act(phrase, near)));
        }
        return acts;
    }

    private static <T> List<T> known(Map<String, List<T>> named, String name, String what, DataFile.Row row) {
        List<T> found = named.get(name);
        if (found == null) {
            throw row.error("no " + what + " '" + name + "'; known: " + named.keySet());
        }
        return found;
    }

    private static boolean isCyrillic(String phrase) {
        return phrase.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
    }
}
