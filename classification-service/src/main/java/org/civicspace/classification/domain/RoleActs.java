package org.civicspace.classification.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicspace.events.ViolationType;

/**
 * The violation phrases made of who and what: a role of {@code violation-roles.tsv} ("journalist*")
 * and an act of {@code violation-acts.tsv} ("detain*", near; "was ... detained", after), paired as
 * {@code violation-role-acts.tsv} says, English words with English acts and Russian with Russian.
 */
final class RoleActs {

    static final String NEAR = "near";
    static final String AFTER = "after";

    /** One way of writing an act: the phrase, and whether it stands near the role or after it. */
    private record Act(String phrase, boolean near) {
    }

    private RoleActs() {
    }

    /** Adds every role × act phrase to the matcher, each under its violation type. */
    static void addTo(PhraseMatcher<ViolationType> matcher, DataFile roleFile, DataFile actFile, DataFile combinations) {
        Map<String, List<String>> roles = roles(roleFile);
        Map<String, List<Act>> acts = acts(actFile);
        for (DataFile.Row row : combinations.rows()) {
            if (row.values().size() < 2) {
                throw row.error("expected: violation type, role, then acts");
            }
            try {
                ViolationType violation = ViolationType.fromWire(row.key());
                List<String> who = known(roles, row.values().get(0), "role", row);
                for (String actName : row.values().subList(1, row.values().size())) {
                    for (Act act : known(acts, actName, "act", row)) {
                        for (String role : who) {
                            if (isCyrillic(role) == isCyrillic(act.phrase())) {
                                for (String phrase : phrases(role, act)) {
                                    matcher.add(violation, phrase);
                                }
                            }
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
    }

    /** "journalist* ... detain*" and "detain* ... journalist*" for an act near the role; "journalist* ~ was ... detained" after it. */
    private static List<String> phrases(String role, Act act) {
        return act.near()
                ? List.of(role + " " + PhraseMatcher.GAP + " " + act.phrase(), act.phrase() + " " + PhraseMatcher.GAP + " " + role)
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
