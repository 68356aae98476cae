package org.civicspace.classification.benchmark;

import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.civicspace.classification.domain.Document;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code civicspace bench classifier [--json] [--forks N] [--warmups N] [--iterations N] [--seconds S]}:
 * runs {@link ClassifierBenchmark} with JMH and prints documents per second per core for the
 * classifier and for the bare scan, and their ratio; JMH's own progress goes to stderr.
 */
public final class BenchCommand {

    /** The goal: the classifier at least half as fast as the bare scan. */
    static final double GOAL = 0.5;

    private BenchCommand() {
    }

    /** Runs the benchmark; answers the exit status: 0 done, 1 failed, 2 wrong use. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean json = false;
        // unset: the benchmark's own settings (ClassifierBenchmark's annotations)
        Integer forks = null;
        Integer warmups = null;
        Integer iterations = null;
        Integer seconds = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--json" -> json = true;
                    case "--forks" -> forks = number(args, ++i, 0);
                    case "--warmups" -> warmups = number(args, ++i, 0);
                    case "--iterations" -> iterations = number(args, ++i, 1);
                    case "--seconds" -> seconds = number(args, ++i, 1);
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "' for bench classifier");
                }
            }
        } catch (IllegalArgumentException wrongUse) {
            err.println("bench classifier: " + wrongUse.getMessage());
            err.println("usage: civicspace bench classifier [--json] [--forks N] [--warmups N] [--iterations N] [--seconds S]");
            return 2;
        }
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include("^" + Pattern.quote(ClassifierBenchmark.class.getName()) + "\\.")
                .threads(1).shouldFailOnError(true);
        if (forks != null) {
            builder.forks(forks);
        }
        if (warmups != null) {
            builder.warmupIterations(warmups);
        }
        if (iterations != null) {
            builder.measurementIterations(iterations);
        }
        if (seconds != null) {
            builder.warmupTime(TimeValue.seconds(seconds)).measurementTime(TimeValue.seconds(seconds));
        }
        Options options = builder.build();
        Collection<RunResult> results;
        try {
            results = new Runner(options, OutputFormatFactory.createFormatInstance(err, VerboseMode.NORMAL)).run();
        } catch (RunnerException e) {
            err.println("bench classifier: " + e.getMessage());
            return 1;
        }
        Map<String, Object> figures = figures(result(results, "classifier"), result(results, "scan"));
        print(figures, out);
        if (json) {
            out.println(JsonMapper.shared().writeValueAsString(figures));
        }
        return 0;
    }

    private static Map<String, Object> figures(RunResult classifierRun, RunResult scanRun) {
        Result<?> classifier = classifierRun.getPrimaryResult();
        Result<?> scan = scanRun.getPrimaryResult();
        List<Document> documents = BenchTexts.make(ClassifierBenchmark.PER_LANGUAGE);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("classifier_docs_per_s", round(classifier.getScore(), 1));
        figures.put("classifier_docs_per_s_error", round(classifier.getScoreError(), 1));
        figures.put("scan_docs_per_s", round(scan.getScore(), 1));
        figures.put("scan_docs_per_s_error", round(scan.getScoreError(), 1));
        figures.put("classifier_ratio", round(classifier.getScore() / scan.getScore(), 3));
        figures.put("documents", documents.size());
        figures.put("document_bytes_avg", (int) documents.stream().mapToInt(BenchTexts::utf8Bytes).average().orElse(0));
        figures.put("languages", BenchTexts.LANGUAGES);
        figures.put("scan_patterns", LexiconPatterns.all().size());
        figures.put("threads", 1);
        figures.put("forks", classifierRun.getParams().getForks());
        figures.put("classifier_warmup_s", seconds(classifierRun.getParams().getWarmup()));
        figures.put("scan_warmup_s", seconds(scanRun.getParams().getWarmup()));
        figures.put("measured_s", seconds(classifierRun.getParams().getMeasurement()));
        return figures;
    }

    private static long seconds(IterationParams iterations) {
        return iterations.getCount() * iterations.getTime().convertTo(TimeUnit.SECONDS);
    }

    private static void print(Map<String, Object> figures, PrintStream out) {
        out.printf(Locale.ROOT, "bench classifier: %d documents of ~%d bytes (UTF-8), %s, one thread%n",
                figures.get("documents"), figures.get("document_bytes_avg"), String.join(" and ", BenchTexts.LANGUAGES));
        out.printf(Locale.ROOT, "  %-34s %12s %10s%n", "", "docs/s", "± (99.9%)");
        out.printf(Locale.ROOT, "  %-34s %12.1f %10.1f%n", "classifier", figures.get("classifier_docs_per_s"),
                figures.get("classifier_docs_per_s_error"));
        out.printf(Locale.ROOT, "  %-34s %12.1f %10.1f%n", "Aho-Corasick scan (" + figures.get("scan_patterns") + " patterns)",
                figures.get("scan_docs_per_s"), figures.get("scan_docs_per_s_error"));
        double ratio = (double) figures.get("classifier_ratio");
        out.printf(Locale.ROOT, "  classifier_ratio %.3f (goal >= %.1f: %s)%n", ratio, GOAL, ratio >= GOAL ? "met" : "NOT met");
    }

    private static RunResult result(Collection<RunResult> results, String method) {
        return results.stream().filter(result -> result.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow(() -> new IllegalStateException("JMH gave no result for " + method));
    }

    private static int number(String[] args, int at, int least) {
        if (at >= args.length) {
            throw new IllegalArgumentException(args[at - 1] + " needs a number");
        }
        try {
            int value = Integer.parseInt(args[at]);
            if (value >= least) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(args[at - 1] + " needs a whole number of at least " + least + ", not '" + args[at] + "'");
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
