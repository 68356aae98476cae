package org.civicspace.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicspace.alert.domain.incident.NameKey;
import org.civicspace.classification.domain.Classifier;
import org.civicspace.classification.domain.Document;
import org.civicspace.events.Classification;
import org.civicspace.events.Urgency;
import org.civicspace.ingest.domain.dedup.NearDuplicates;
import org.civicspace.ingest.domain.dedup.Signature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BenchReportsTest {

    private static final int COUNT = 2_000;
    private static List<BenchReport> reports;

    @BeforeAll
    static void generate() {
        BenchReports generator = new BenchReports(42, Instant.parse("2026-11-22T06:00:00Z"));
        reports = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            reports.add(generator.next());
        }
    }

    @Test
    void everyReportIsAboutItsCountryAndRaisesAnAlertMostOfThemUrgent() {
        Classifier classifier = Classifier.fromClasspath();
        int urgent = 0;
        List<String> wrong = new ArrayList<>();
        for (BenchReport report : reports) {
            Classification classification = classifier.classify(new Document(report.title(), report.text(),
                    report.language(), report.toReport().hints()));
            if (!classification.country().equals(report.country()) || classification.urgency() == Urgency.NOT_RELEVANT) {
                wrong.add(report.partnerReference() + " " + classification.country() + " " + classification.urgency()
                        + ": " + report.title());
            }
            urgent += classification.urgency() == Urgency.URGENT ? 1 : 0;
        }
        assertThat(wrong).isEmpty();
        assertThat(urgent).isGreaterThan(COUNT / 2);
    }

    @Test
    void noTwoReportsOfACountryNameTheSamePerson() {
        Set<String> seen = new HashSet<>();
        for (BenchReport report : reports) {
            assertThat(seen.add(report.country() + " " + NameKey.of(report.person()).tokens()))
                    .as("%s names %s again", report.partnerReference(), report.person()).isTrue();
        }
    }

    @Test
    void noReportIsANearDuplicateOfAnother() {
        NearDuplicates near = new NearDuplicates(NearDuplicates.DEFAULT_THRESHOLD);
        List<Signature> signatures = reports.stream().map(r -> near.sign(r.title(), r.text(), null)).toList();
        Map<Long, List<Integer>> byBand = new HashMap<>();
        for (int i = 0; i < signatures.size(); i++) {
            for (long band : signatures.get(i).bandKeys()) {
                byBand.computeIfAbsent(band, key -> new ArrayList<>()).add(i);
            }
        }
        double most = 0;
        for (List<Integer> bucket : byBand.values()) {
            for (int a = 0; a < bucket.size(); a++) {
                for (int b = a + 1; b < bucket.size(); b++) {
                    most = Math.max(most, NearDuplicates.similarity(signatures.get(bucket.get(a)),
                            signatures.get(bucket.get(b))));
                }
            }
        }
        assertThat(most).isLessThan(BenchReports.MOST_ALIKE);
        assertThat(reports.stream().map(BenchReport::text).distinct().count()).isEqualTo(COUNT);
    }

    @Test
    void theSameSeedGivesTheSameReportsAndBothLanguagesAndEveryCountryAppear() {
        BenchReports again = new BenchReports(42, Instant.parse("2026-11-22T06:00:00Z"));
        for (int i = 0; i < 17; i++) {
            again.next();
        }
        assertThat(again.next()).isEqualTo(reports.get(17));
        assertThat(reports).extracting(BenchReport::language).contains("en", "ru");
        assertThat(reports).extracting(BenchReport::country).containsAll(BenchReports.COUNTRY_CODES);
        assertThat(reports).extracting(BenchReport::sensitivity).contains("public", "restricted");
    }
}
