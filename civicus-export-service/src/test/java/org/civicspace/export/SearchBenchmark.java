package org.civicspace.export;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.civicspace.events.Classification;
import org.civicspace.events.Freedom;
import org.civicspace.events.Report;
import org.civicspace.events.ReportClassified;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;
import org.civicspace.events.Topics;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.civicspace.export.application.ArchiveReportUseCase;
import org.civicspace.export.application.SearchReportsUseCase;
import org.civicspace.export.domain.Caller;
import org.civicspace.export.domain.SearchQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import reactor.core.publisher.Flux;

/**
 * Not a test: a measurement, run on demand and never by {@code verify} (its name matches neither
 * {@code *Test} nor {@code *IT}). Archives {@code bench.reports} synthetic reports (20,000 by
 * default) through the archiving use case into the in-memory Mongo-wire store, then times searches
 * through the search use case and prints the figures:
 * <pre>./mvnw -B -o -pl civicus-export-service verify -Dtest=SearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs</pre>
 */
@SpringBootTest(properties = {"spring.config.name=" + ExportApplication.CONFIG_NAME,
        "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:test-jwt-public.pem",
        "logging.level.org.civicspace=WARN"})
@EmbeddedKafka(topics = Topics.REPORT_CLASSIFIED)
class SearchBenchmark {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final int REPORTS = Integer.getInteger("bench.reports", 20_000);
    static final int RUNS = 15;
    static final List<String> COUNTRIES = List.of("AM", "AZ", "BY", "GE", "KG", "KZ", "MD", "RU", "TJ", "TM", "UA", "UZ");
    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");

    // our own words, with inflections, for texts that look like reports to the tokeniser
    static final String[] RU = ("задержан задержали задержание активист активиста активисты журналист журналиста "
            + "журналистов полиция полиции суд суда приговор штраф митинг митинга пикет пикета протест протеста "
            + "организация организации закон закона иноагент блогер блогера интернет сайт заблокирован обыск обыски "
            + "угрозы давление избит избиение пропал правозащитник правозащитника акция акции власти города области")
            .split(" ");
    static final String[] EN = ("detained detention detain activist activists journalist journalists police court "
            + "sentence fine rally protest protesters organisation organisations law foreign agent blogger internet "
            + "website blocked raid raided threats pressure beaten disappeared defender defenders authorities city "
            + "region arrested arrest charged charges prison hearing lawyer released").split(" ");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri",
                () -> "mongodb://" + MONGO.bindAndGetConnectionString().replace("mongodb://", "") + "/bench");
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @Autowired
    ArchiveReportUseCase archive;

    @Autowired
    SearchReportsUseCase search;

    @Test
    void archiveThenSearch() {
        Random random = new Random(42);
        List<ReportClassified> reports = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            reports.add(report(random, i));
        }
        long start = System.nanoTime();
        Flux.fromIterable(reports).flatMap(archive::archive, 4).blockLast(Duration.ofHours(1));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nBENCH archived %d reports in %.1f s (%.0f reports/s, concurrency 4)%n", REPORTS, seconds,
                REPORTS / seconds);

        Caller analyst = new Caller("bench-analyst", Set.of("analyst"));
        time("filter only, one country, 12 months", analyst,
                SearchQuery.parse("KZ", null, null, null, "2025-12-01", "2026-11-30", null, null, null));
        time("filter only, one country, all time", analyst,
                SearchQuery.parse("KZ", "expression", null, null, null, null, null, null, null));
        time("filter only, all countries, all time", analyst,
                SearchQuery.parse(null, null, null, "urgent", null, null, null, null, null));
        time("q=задерж, one country, 12 months", analyst,
                SearchQuery.parse("KZ", null, null, null, "2025-12-01", "2026-11-30", "задерж", null, null));
        time("q=detain+police, all countries, all time", analyst,
                SearchQuery.parse(null, null, null, null, null, null, "detain police", null, null));
        time("q=журналист+суд, all countries, all time, page 3", analyst,
                SearchQuery.parse(null, null, null, null, null, null, "журналист суд", "3", null));
    }

    private void time(String what, Caller caller, SearchQuery query) {
        long total = 0;
        for (int i = 0; i < 3; i++) {
            total = search.search(query, caller).block().total(); // warm-up
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            search.search(query, caller).block();
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        System.out.printf("BENCH %-50s %6d matches  median %7.1f ms  max %7.1f ms%n", what, total,
                micros.get(RUNS / 2) / 1000.0, micros.get(RUNS - 1) / 1000.0);
    }

    private static ReportClassified report(Random random, int i) {
        String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
        Instant occurredAt = NOW.minus(Duration.ofMinutes(random.nextInt(24 * 30 * 24 * 60)));
        boolean russian = random.nextBoolean();
        String[] words = russian ? RU : EN;
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 60; w++) {
            text.append(words[random.nextInt(words.length)]).append(w % 12 == 11 ? ". " : " ");
        }
        String title = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + " " + i;
        Set<Freedom> freedoms = EnumSet.noneOf(Freedom.class);
        freedoms.add(Freedom.values()[random.nextInt(3)]);
        Set<ViolationType> violations = EnumSet.of(ViolationType.values()[random.nextInt(ViolationType.values().length)]);
        int s = random.nextInt(10);
        Sensitivity sensitivity = s < 7 ? Sensitivity.PUBLIC : s < 9 ? Sensitivity.RESTRICTED : Sensitivity.CONFIDENTIAL;
        Report report = new Report(title, text.toString(), russian ? "ru" : "en", occurredAt, null, null, null, null,
                null);
        Classification classification = new Classification(russian ? "ru" : "en", country, List.of(), freedoms,
                violations, Urgency.values()[random.nextInt(4)], List.of(), "bench");
        return new ReportClassified(UUID.randomUUID(), occurredAt, "r-bench-" + i, sensitivity,
                Source.partner("partner-" + random.nextInt(20)), report, null, classification);
    }
}
