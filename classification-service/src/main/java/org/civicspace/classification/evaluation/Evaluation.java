package org.civicspace.classification.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.civicspace.classification.domain.Classifier;
import org.civicspace.classification.domain.Document;
import org.civicspace.events.Classification;

/** The classifier run over a gold file: each item's outcome, and the scores overall and per language. */
public final class Evaluation {

    /** One gold item and what the classifier made of it. */
    public record Outcome(GoldItem gold, Classification got) {

        public boolean countryRight() {
            return gold.country().equals(got.country());
        }

        public boolean right() {
            return countryRight() && gold.freedoms().equals(got.freedoms())
                    && gold.violationTypes().equals(got.violationTypes()) && gold.urgency() == got.urgency();
        }
    }

    private final List<Outcome> outcomes;
    private final Scores overall = new Scores();
    private final Map<String, Scores> byLanguage = new TreeMap<>();

    private Evaluation(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
        for (Outcome outcome : outcomes) {
            overall.add(outcome.gold(), outcome.got());
            byLanguage.computeIfAbsent(outcome.gold().language(), language -> new Scores())
                    .add(outcome.gold(), outcome.got());
        }
    }

    /**
     * Classifies every item as the pipeline would: title, text and the item's declared language,
     * no hints. Reports reach the classifier with the language their feed or partner declared, so
     * the evaluation measures that same path (the language only names the result's language tag).
     */
    public static Evaluation run(List<GoldItem> gold, Classifier classifier) {
        List<Outcome> outcomes = new ArrayList<>(gold.size());
        for (GoldItem item : gold) {
            outcomes.add(new Outcome(item, classifier.classify(new Document(item.title(), item.text(), item.language(), null))));
        }
        return new Evaluation(outcomes);
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    Scores overall() {
        return overall;
    }

    Map<String, Scores> byLanguage() {
        return byLanguage;
    }

    /** The headline figures, then the same per language under {@code by_language}. */
    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>(overall.headline());
        Map<String, Object> languages = new LinkedHashMap<>();
        byLanguage.forEach((language, scores) -> languages.put(language, scores.headline()));
        figures.put("by_language", languages);
        return figures;
    }
}
