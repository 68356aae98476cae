package org.civicspace.classification.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Phrases that, in the same sentence, cancel a match of a label or hand it to another label:
 * "Georgia" in a sentence that names Atlanta is the US state, not the country. Rows of the data
 * file are: the label cancelled, the label it counts for instead ({@code -} for none), phrases.
 *
 * <p>A name keeps one sense within a document: once a rule has read "Georgia" as the US state,
 * every other "Georgia" of that document is read the same way, even in a sentence with no
 * telling word. Other names of the same label ("Tbilisi") are left alone.
 */
final class Exclusions<L> {

    static final String NONE = "-";

    private record Rule<L>(L cancelled, L instead) {
    }

    private final PhraseMatcher<Rule<L>> phrases = new PhraseMatcher<>(false);

    /** No exclusions at all. */
    static <L> Exclusions<L> none() {
        return new Exclusions<>();
    }

    static <L> Exclusions<L> load(DataFile file, Function<String, L> labels) {
        Exclusions<L> exclusions = new Exclusions<>();
        for (DataFile.Row row : file.rows()) {
            if (row.values().size() < 2) {
                throw row.error("expected: label, label instead (or " + NONE + "), then phrases");
            }
            try {
                L instead = row.values().get(0).equals(NONE) ? null : labels.apply(row.values().get(0));
                Rule<L> rule = new Rule<>(labels.apply(row.key()), instead);
                for (String phrase : row.values().subList(1, row.values().size())) {
                    exclusions.phrases.add(rule, phrase);
                }
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
        return exclusions;
    }

    /** The matches of a document's fields with the cancelled ones dropped or relabelled. */
    List<Match<L>> apply(List<TextField> fields, List<Match<L>> matches) {
        if (matches.isEmpty()) {
            return matches;
        }
        List<Match<Rule<L>>> rules = new ArrayList<>();
        for (TextField field : fields) {
            rules.addAll(phrases.find(field));
        }
        if (rules.isEmpty()) {
            return matches;
        }
        Map<String, Rule<L>> senses = new HashMap<>();
        for (Match<L> match : matches) {
            Rule<L> rule = ruleInSentence(match, rules);
            if (rule != null) {
                senses.putIfAbsent(sense(match), rule);
            }
        }
        List<Match<L>> kept = new ArrayList<>(matches.size());
        for (Match<L> match : matches) {
            Rule<L> rule = senses.isEmpty() ? null : senses.get(sense(match));
            if (rule == null) {
                kept.add(match);
            } else if (rule.instead() != null) {
                kept.add(match.relabel(rule.instead()));
            }
        }
        return kept;
    }

    private static <L> Rule<L> ruleInSentence(Match<L> match, List<Match<Rule<L>>> rules) {
        for (Match<Rule<L>> rule : rules) {
            if (rule.label().cancelled().equals(match.label()) && rule.field() == match.field()
                    && rule.sentence() == match.sentence()) {
                return rule.label();
            }
        }
        return null;
    }

    private static String sense(Match<?> match) {
        return match.label() + "\u0000" + match.foldedWords();
    }
}
