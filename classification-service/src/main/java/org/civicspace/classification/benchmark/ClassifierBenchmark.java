package org.civicspace.classification.benchmark;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ahocorasick.trie.Trie;
import org.civicspace.classification.domain.Classifier;
import org.civicspace.classification.domain.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Documents per second on one thread: the classifier against a bare Aho-Corasick scan of the same
 * documents for every phrase of its data files. Run it with {@code civicspace bench classifier}.
 */
@State(Scope.Thread)
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
    @OperationsPerInvocation(DOCUMENTS)
    public void classifier(Blackhole blackhole) {
        for (Document document : documents) {
            blackhole.consume(classifier.classify(document));
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCUMENTS)
    public void scan(Blackhole blackhole) {
        for (String text : wholeTexts) {
            blackhole.consume(scan.parseText(text));
        }
    }
}
