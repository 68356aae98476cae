package org.civicspace.classification.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.civicspace.classification.domain.Classifier;
import org.civicspace.events.Classification;
import org.civicspace.events.Evidence;
import org.civicspace.events.Tag;
import org.civicspace.events.Urgency;
import org.civicspace.events.WireName;

import tools.jackson.databind.json.JsonMapper;

/** {@code evaluate --gold FILE [--json] [--errors]}: scores the classifier against a hand-labelled gold file. */
public final class EvaluateCommand {

    static final int OK = 0;
    static final int WRONG_USE = 2;
    static final String USAGE = "usage: evaluate --gold FILE [--json] [--errors]";

    private EvaluateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit status (0 done, 2 wrong use or an unreadable gold file). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path gold = null;
        boolean json = false;
        boolean errors = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gold" -> {
                    if (i + 1 == args.length) {
                        return wrongUse(err, "--gold needs a file");
                    }
                    gold = Path.of(args[++i]);
                }
                case "--json" -> json = true;
                case "--errors" -> errors = true;
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return OK;
                }
                default -> {
                    return wrongUse(err, "unknown argument '" + args[i] + "'");
                }
            }
        }
        if (gold == null) {
            return wrongUse(err, "--gold FILE is required");
        }
        if (!Files.isRegularFile(gold)) {
            return wrongUse(err, "no such gold file: " + gold);
        }
        List<GoldItem> items;
        try {
            items = GoldFile.read(gold);
        } catch (IOException | IllegalArgumentException e) {
            err.println("evaluate: cannot read the gold file: " + e.getMessage());
            return WRONG_USE;
        }
        if (items.isEmpty()) {
            return wrongUse(err, "the gold file has no items: " + gold);
        }
        Evaluation evaluation = Evaluation.run(items, Classifier.fromClasspath());
        printTable(evaluation, gold, out);
        if (errors) {
            printErrors(evaluation, out);
        }
        if (json) {
            out.println(JsonMapper.shared().writeValueAsString(evaluation.figures()));
        }
        return OK;
    }

    private static int wrongUse(PrintStream err, String problem) {
        err.println("evaluate: " + problem);
        err.println(USAGE);
        return WRONG_USE;
    }

    // ---- the readable table

    private static void printTable(Evaluation evaluation, Path gold, PrintStream out) {
        Map<String, Scores> columns = new LinkedHashMap<>();
        columns.put("all", evaluation.overall());
        columns.putAll(evaluation.byLanguage());
        out.println("Classifier " + Classifier.VERSION + " on " + gold);
        row(out, "", columns.keySet().stream().map(String::valueOf).toList());
        row(out, "items", columns.values().stream().map(s -> String.valueOf(s.items())).toList());
        figure(out, columns, "country accuracy", Scores::countryAccuracy);
        figure(out, columns, "other countries micro F1", s -> s.otherCountries().micro().f1());
        setFigures(out, columns, "freedoms", Scores::freedoms);
        setFigures(out, columns, "violations", Scores::violations);
        figure(out, columns, "urgent recall", s -> s.recall(Urgency.URGENT));
        figure(out, columns, "urgent precision", s -> s.precision(Urgency.URGENT));
        figure(out, columns, "not_relevant precision", s -> s.precision(Urgency.NOT_RELEVANT));
        figure(out, columns, "not_relevant recall", s -> s.recall(Urgency.NOT_RELEVANT));
        figure(out, columns, "urgency accuracy", Scores::urgencyAccuracy);
        columns.forEach((name, scores) -> printConfusion(out, name, scores));
        printPerLabel(out, "violation types", evaluation.overall().violations());
    }

    private static void setFigures(PrintStream out, Map<String, Scores> columns, String name,
            java.util.function.Function<Scores, LabelScores> labels) {
        figure(out, columns, name + " micro P", s -> labels.apply(s).micro().precision());
        figure(out, columns, name + " micro R", s -> labels.apply(s).micro().recall());
        figure(out, columns, name + " micro F1", s -> labels.apply(s).micro().f1());
        figure(out, columns, name + " macro P", s -> labels.apply(s).macroPrecision());
        figure(out, columns, name + " macro R", s -> labels.apply(s).macroRecall());
        figure(out, columns, name + " macro F1", s -> labels.apply(s).macroF1());
    }

    private static void figure(PrintStream out, Map<String, Scores> columns, String name,
            java.util.function.ToDoubleFunction<Scores> value) {
        row(out, name, columns.values().stream().map(s -> String.format(Locale.ROOT, "%.3f", value.applyAsDouble(s))).toList());
    }

    private static void row(PrintStream out, String name, List<String> cells) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", name));
        cells.forEach(cell -> line.append(String.format(Locale.ROOT, "%9s", cell)));
        out.println(line.toString().stripTrailing());
    }

    private static void printConfusion(PrintStream out, String name, Scores scores) {
        out.println();
        out.println("urgency (" + name + "): rows gold, columns classifier");
        row(out, "", names(Urgency.values()));
        for (Urgency gold : Urgency.values()) {
            List<String> cells = new ArrayList<>();
            for (Urgency got : Urgency.values()) {
                cells.add(String.valueOf(scores.urgencyCount(gold, got)));
            }
            row(out, gold.wireName(), cells);
        }
    }

    private static void printPerLabel(PrintStream out, String title, LabelScores scores) {
        out.println();
        out.println(title + " (all): true pos / false pos / false neg, F1");
        scores.byLabel().forEach((label, counts) -> out.println(String.format(Locale.ROOT, "  %-28s %3d %3d %3d  %.3f",
                label, counts.truePositives(), counts.falsePositives(), counts.falseNegatives(), counts.f1())));
    }

    private static List<String> names(WireName[] values) {
        List<String> names = new ArrayList<>();
        for (WireName value : values) {
            names.add(value.wireName().length() > 8 ? value.wireName().substring(0, 8) : value.wireName());
        }
        return names;
    }

    // ---- the errors, with the evidence behind each wrong tag

    private static void printErrors(Evaluation evaluation, PrintStream out) {
        out.println();
        long wrong = evaluation.outcomes().stream().filter(o -> !o.right()).count();
        out.println("errors: " + wrong + " of " + evaluation.outcomes().size() + " items have a wrong label");
        for (Evaluation.Outcome outcome : evaluation.outcomes()) {
            if (!outcome.right()) {
                printError(outcome, out);
            }
        }
    }

    private static void printError(Evaluation.Outcome outcome, PrintStream out) {
        GoldItem gold = outcome.gold();
        Classification got = outcome.got();
        out.println("- " + gold.id() + " [" + gold.language() + "] " + abbreviate(gold.title()));
        if (!outcome.countryRight()) {
            out.println("    country: expected " + gold.country() + ", got " + got.country() + because(got, "country", got.country()));
        }
        differences(out, got, "freedom", wire(gold.freedoms()), wire(got.freedoms()));
        differences(out, got, "violation", wire(gold.violationTypes()), wire(got.violationTypes()));
        if (gold.urgency() != got.urgency()) {
            out.println("    urgency: expected " + gold.urgency().wireName() + ", got " + got.urgency().wireName()
                    + because(got, "urgency", got.urgency().wireName()));
        }
    }

    private static void differences(PrintStream out, Classification got, String kind, Set<String> expected, Set<String> found) {
        for (String label : expected) {
            if (!found.contains(label)) {
                out.println("    " + kind + " missed: " + label);
            }
        }
        for (String label : found) {
            if (!expected.contains(label)) {
                out.println("    " + kind + " extra: " + label + because(got, kind, label));
            }
        }
    }

    private static String because(Classification got, String kind, String value) {
        for (Tag tag : got.tags()) {
            if (tag.kind().equals(kind) && tag.value().equals(value)) {
                if (tag.fromHint()) {
                    return " (from a hint)";
                }
                if (tag.evidence().isEmpty()) {
                    return " (no evidence)";
                }
                return " from " + tag.evidence().stream().map(EvaluateCommand::quote).collect(Collectors.joining(", "));
            }
        }
        return " (no evidence)";
    }

    private static String quote(Evidence evidence) {
        return "\"" + evidence.words() + "\" (" + evidence.field() + " " + evidence.start() + "-" + evidence.end() + ")";
    }

    private static Set<String> wire(Set<? extends WireName> values) {
        return values.stream().map(WireName::wireName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String abbreviate(String title) {
        return title.length() > 80 ? title.substring(0, 77) + "..." : title;
    }
}
