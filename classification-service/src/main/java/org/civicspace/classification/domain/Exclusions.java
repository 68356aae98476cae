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

    private final PhraseMatcher<Rule<L>> phrases;
    /** The labels some rule cancels: matches of other labels need no look for telling phrases. */
    private final java.util.Set<L> cancellable = new java.util.HashSet<>();
    /** Per label, the folded names that may mean something else ("georgia"): see {@link #withAmbiguousNames}. */
    private final Map<L, java.util.Set<String>> ambiguous = new HashMap<>();
    /** How many of a rule's phrases make it hold for the whole report; 0 for never. */
    private int reportWide;

    private Exclusions(PhraseTrie trie) {
        this.phrases = new PhraseMatcher<>(trie, false);
    }

    /** No exclusions at all. */
    static <L> Exclusions<L> none() {
        return new Exclusions<>(new PhraseTrie());
    }

    /** The rules of the file, their phrases added to {@code trie}. */
    static <L> Exclusions<L> load(PhraseTrie trie, DataFile file, Function<String, L> labels) {
        Exclusions<L> exclusions = new Exclusions<>(trie);
        for (DataFile.Row row : file.rows()) {
            if (row.values().size() < 2) {
                throw row.error("expected: label, label instead (or " + NONE + "), then phrases");
            }
            try {
                L instead = row.values().get(0).equals(NONE) ? null : labels.apply(row.values().get(0));
                Rule<L> rule = new Rule<>(labels.apply(row.key()), instead);
                exclusions.cancellable.add(rule.cancelled());
                for (String phrase : row.values().subList(1, row.values().size())) {
                    exclusions.phrases.add(rule, phrase);
                }
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
        return exclusions;
    }

    /**
     * Names that are ambiguous by themselves (rows: label, names as written in the text). When a
     * document names a label only by such names, a telling phrase anywhere in the document — not
     * only in the same sentence — settles their sense: "Georgia law" in a story that names Atlanta.
     */
    Exclusions<L> withAmbiguousNames(DataFile file, Function<String, L> labels) {
        for (DataFile.Row row : file.rows()) {
            try {
                L label = labels.apply(row.key());
                for (String name : row.values()) {
                    ambiguous.computeIfAbsent(label, l -> new java.util.HashSet<>()).add(TextField.of("", name).folded(0, name.length()));
                }
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
        return this;
    }

    /**
     * A rule whose phrases a report uses at least {@code times} times holds for every match of its
     * label in the report: three words of a football match make the whole story one about sport.
     */
    Exclusions<L> reportWideFrom(int times) {
        this.reportWide = times;
        return this;
    }

    /** The matches of a document's fields with the cancelled ones dropped or relabelled. */
    List<Match<L>> apply(List<TextField> fields, List<Match<L>> matches) {
        if (matches.stream().noneMatch(match -> cancellable.contains(match.label()))) {
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
        documentWide(matches, rules, senses);
        if (reportWide > 0) {
            Map<Rule<L>, Integer> uses = new HashMap<>();
            rules.forEach(rule -> uses.merge(rule.label(), 1, Integer::sum));
            uses.forEach((rule, times) -> {
                if (times >= reportWide) {
                    matches.stream().filter(match -> match.label().equals(rule.cancelled()))
                            .forEach(match -> senses.putIfAbsent(sense(match), rule));
                }
            });
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

    private void documentWide(List<Match<L>> matches, List<Match<Rule<L>>> rules, Map<String, Rule<L>> senses) {
        for (Match<Rule<L>> rule : rules) {
            L label = rule.label().cancelled();
            java.util.Set<String> names = ambiguous.getOrDefault(label, java.util.Set.of());
            boolean onlyAmbiguous = matches.stream().filter(match -> match.label().equals(label))
                    .allMatch(match -> names.contains(match.foldedWords()));
            if (onlyAmbiguous) {
                for (Match<L> match : matches) {
                    if (match.label().equals(label)) {
                        senses.putIfAbsent(sense(match), rule.label());
                    }
                }
            }
        }
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
