package org.civicspace.classification.benchmark;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ahocorasick.trie.Trie;
import org.civicspace.classification.domain.Classifier;
import org.civicspace.classification.domain.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Documents per second on one thread: the classifier against a bare Aho-Corasick scan of the same
 * documents for every phrase of its data files. Run it with {@code civicspace bench classifier}.
 * The classifier has much more code for the JIT to compile than the scan: on our busy 2-core
 * machines it reaches its steady speed only after 40 to 50 s, the scan after a few seconds.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgs = {"-XX:+UseSerialGC", "-Xmx512m", "-Xss512k"})
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClassifierBenchmark {

    static final int PER_LANGUAGE = 32;
    static final int DOCUMENTS = PER_LANGUAGE * 2;

    private Classifier classifier;
    private Trie scan;
    private List<Document> documents;
    private List<String> wholeTexts;

    @Setup
    public void load() {
        classifier = Classifier.fromClasspath();
        scan = Trie.builder().ignoreCase().addKeywords(LexiconPatterns.all()).build();
        documents = BenchTexts.make(PER_LANGUAGE);
        wholeTexts = documents.stream().map(document -> document.title() + "\n" + document.text()).toList();
    }

    @Benchmark
    @Warmup(iterations = 25, time = 2)
    @OperationsPerInvocation(DOCUMENTS)
    public void classifier(Blackhole blackhole) {
        for (Document document : documents) {
            blackhole.consume(classifier.classify(document));
        }
    }

    @Benchmark
    @Warmup(iterations = 8, time = 2)
    @OperationsPerInvocation(DOCUMENTS)
    public void scan(Blackhole blackhole) {
        for (String text : wholeTexts) {
            blackhole.consume(scan.parseText(text));
        }
    }
}
