package org.civicspace.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

import org.civicspace.classification.benchmark.BenchCommand;
import org.civicspace.classification.evaluation.EvaluateCommand;
import org.civicspace.localstack.bench.PipelineBench;

/**
 * The {@code civicspace} command: {@code up} runs the whole system on this machine,
 * {@code token} prints a signed token that the running gateway accepts, {@code evaluate}
 * measures the classifier.
 */
public final class Civicspace {

    private static final String USAGE = """
            usage:
              civicspace up [--data DIR] [--demo] [--kafka HOST:PORT] [--mongo URI]
                  runs the whole system on this machine; Ctrl-C stops it
              civicspace token --role partner|analyst|advocacy|editor|admin [--user NAME] [--data DIR] [--hours N]
                  prints a signed token (and nothing else) for the gateway on this machine
              civicspace evaluate --gold FILE [--json] [--errors]
                  measures the classifier against a labelled JSON Lines file
              civicspace bench [pipeline] [--reports N] [--seconds S] [--json] [--report FILE.html] [--kafka HOST:PORT] [--mongo URI]
                  Kafka alone beside the whole pipeline (throughput, end-to-end latency, peak RSS) on a stack of
                  its own; without "pipeline", the classifier's benchmark too and the combined table
              civicspace bench feeds [--feeds N] [--items M] [--changed PERCENT] [--minutes T] [--json]
                  polls N feeds from a local feed server on a stack of its own; reports feeds per minute
              civicspace bench classifier [--json] [--forks N] [--warmups N] [--iterations N] [--seconds S]
                  JMH: the classifier's documents per second per core beside a bare Aho-Corasick scan
            DIR defaults to .civicspace; NAME defaults to demo-<role>.""";

    private Civicspace() {
    }

    public static void main(String[] args) {
        int exit = run(args, System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Runs one command; answers its exit status: 0 done, 1 failed, 2 wrong use. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Deque<String> words = new ArrayDeque<>(Arrays.asList(args));
        String command = words.isEmpty() ? "help" : words.pop();
        try {
            return switch (command) {
                case "up" -> up(words, out);
                case "token" -> token(words, out);
                case "evaluate" -> EvaluateCommand.run(words.toArray(String[]::new), out, err);
                case "bench" -> bench(words, out, err);
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> usageError("unknown command '" + command + "'", err);
            };
        } catch (IllegalArgumentException wrongUse) {
            return usageError(wrongUse.getMessage(), err);
        } catch (Exception e) {
            err.println("civicspace: " + e.getMessage());
            return 1;
        }
    }

    private static int up(Deque<String> words, PrintStream out) throws Exception {
        Path data = Path.of(".civicspace");
        boolean demo = false;
        String kafka = null;
        String mongo = null;
        while (!words.isEmpty()) {
            String word = words.pop();
            switch (word) {
                case "--data" -> data = Path.of(value(word, words));
                case "--demo" -> demo = true;
                case "--kafka" -> kafka = value(word, words);
                case "--mongo" -> mongo = value(word, words);
                default -> throw new IllegalArgumentException("unknown option '" + word + "' for up");
            }
        }
        System.setProperty("civicspace.logs", data.resolve("logs").toAbsolutePath().toString());
        StackOptions options = StackOptions.defaults(data).withDemo(demo);
        if (kafka != null) {
            options = options.withExternalKafka(kafka);
        }
        if (mongo != null) {
            options = options.withExternalMongo(mongo);
        }
        out.println("civicspace: starting; logs in " + data.resolve("logs").resolve("civicspace.log"));
        long began = System.nanoTime();
        LocalStack stack = LocalStack.start(options, line -> out.println("  " + line));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("civicspace: stopping");
            stack.close();
            out.println("civicspace: stopped");
            stopped.countDown();
        }, "civicspace-stop"));
        if (demo) {
            DemoData.load(stack, line -> out.println("  " + line));
        }
        out.printf("  all services healthy after %.1f s%n", (System.nanoTime() - began) / 1e9);
        out.println("civicspace ready: " + stack.gatewayUrl());
        out.flush();
        if (demo) {
            DemoData.trickle(stack, line -> out.println("  " + line));
        }
        stopped.await();
        return 0;
    }

    private static int token(Deque<String> words, PrintStream out) throws Exception {
        Path data = Path.of(".civicspace");
        String role = null;
        String user = null;
        long hours = 12;
        while (!words.isEmpty()) {
            String word = words.pop();
            switch (word) {
                case "--role" -> role = value(word, words);
                case "--user" -> user = value(word, words);
                case "--data" -> data = Path.of(value(word, words));
                case "--hours" -> hours = Long.parseLong(value(word, words));
                default -> throw new IllegalArgumentException("unknown option '" + word + "' for token");
            }
        }
        if (role == null) {
            throw new IllegalArgumentException("token needs --role (one of " + String.join(", ", SigningKeys.ROLES) + ")");
        }
        out.println(SigningKeys.in(data).token(user == null ? "demo-" + role : user, role, Duration.ofHours(hours)));
        return 0;
    }

    private static int bench(Deque<String> words, PrintStream out, PrintStream err) throws Exception {
        String what = words.isEmpty() || words.peek().startsWith("--") ? "" : words.pop();
        return switch (what) {
            case "" -> PipelineBench.run(words, out, err, true);
            case "pipeline" -> PipelineBench.run(words, out, err, false);
            case "feeds" -> FeedBench.run(words, out, err);
            case "classifier" -> BenchCommand.run(words.toArray(String[]::new), out, err);
            default -> throw new IllegalArgumentException("bench measures pipeline, feeds or classifier, not '" + what + "'");
        };
    }

    static String value(String option, Deque<String> words) {
        if (words.isEmpty() || words.peek().startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return words.pop();
    }

    private static int usageError(String problem, PrintStream err) {
        err.println("civicspace: " + problem);
        err.println(USAGE);
        return 2;
    }
}
