package org.civicspace.ingest.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.ingest.domain.dedup.WireStories.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civicspace.events.Report;
import org.civicspace.events.ReportReceived;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;
import org.civicspace.ingest.application.DuplicateCheck;
import org.civicspace.ingest.application.DuplicatesProperties;
import org.civicspace.ingest.domain.dedup.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The duplicate check as the ingest flow uses it, against the Mongo-wire store. */
class DuplicateCheckIT {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final MongoClient CLIENT = MongoClients.create(MONGO.bindAndGetConnectionString());
    static int databases;

    static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    DuplicateCheck check;

    @AfterAll
    static void stopMongo() {
        CLIENT.close();
        MONGO.shutdownNow();
    }

    @BeforeEach
    void freshDatabase() {
        DuplicatesProperties properties = new DuplicatesProperties(0.6, Duration.ofDays(14), Duration.ofDays(30), 1_000);
        MongoDuplicateIndex index = new MongoDuplicateIndex(new ReactiveMongoTemplate(CLIENT, "check-" + databases++), properties,
                Clock.systemUTC());
        check = new DuplicateCheck(index, properties, meters);
    }

    @Test
    void marksRepublicationsOfAStoryAsDuplicatesOfItsFirstTellingAndDropsExactCopies() {
        assertThat(check("outlet-b", EN_OUTLET_B_TITLE, EN_OUTLET_B_TEXT, MONDAY)).isEqualTo(Verdict.NEW);
        assertThat(check("wire", EN_WIRE_TITLE, EN_WIRE_TEXT, MONDAY.plusSeconds(600)))
                .isEqualTo(Verdict.nearDuplicateOf("outlet-b"));
        assertThat(check("outlet-a", EN_OUTLET_A_TITLE, EN_OUTLET_A_TEXT, MONDAY.plusSeconds(1200)))
                .isEqualTo(Verdict.nearDuplicateOf("outlet-b"));
        assertThat(check("aggregator", EN_WIRE_TITLE.toUpperCase(), "<p>" + EN_WIRE_TEXT + "</p>", MONDAY.plusSeconds(1800)))
                .isEqualTo(Verdict.exactDuplicateOf("wire"));
        assertThat(check("other", EN_OTHER_TITLE, EN_OTHER_TEXT, MONDAY.plusSeconds(2400))).isEqualTo(Verdict.NEW);

        assertThat(meters.get("civicspace.ingest.duplicates.checked").tag("verdict", "near_duplicate").counter().count())
                .isEqualTo(2);
    }

    @Test
    void givesARedeliveredReportTheVerdictItHadTheFirstTime() {
        check("wire", RU_WIRE_TITLE, RU_WIRE_TEXT, MONDAY);
        check("outlet-a", RU_OUTLET_A_TITLE, RU_OUTLET_A_TEXT, MONDAY.plusSeconds(60));

        assertThat(check("wire", RU_WIRE_TITLE, RU_WIRE_TEXT, MONDAY.plusSeconds(120))).isEqualTo(Verdict.NEW);
        assertThat(check("outlet-a", RU_OUTLET_A_TITLE, RU_OUTLET_A_TEXT, MONDAY.plusSeconds(180)))
                .isEqualTo(Verdict.nearDuplicateOf("wire"));
    }

    @Test
    void takesAStoryRetoldAfterTheWindowForNewButStillDropsAnExactCopy() {
        check("wire", EN_WIRE_TITLE, EN_WIRE_TEXT, MONDAY);
        Instant threeWeeksLater = MONDAY.plus(Duration.ofDays(21));

        assertThat(check("outlet-a", EN_OUTLET_A_TITLE, EN_OUTLET_A_TEXT, threeWeeksLater)).isEqualTo(Verdict.NEW);
        assertThat(check("copy", EN_WIRE_TITLE, EN_WIRE_TEXT, threeWeeksLater)).isEqualTo(Verdict.exactDuplicateOf("wire"));
    }

    @Test
    void recognisesTheSameFeedItemByItsUrlEvenWhenItsTextWasUpdated() {
        String link = "https://news.example/2026/03/editor-detained";
        check.check("first-poll", EN_WIRE_TITLE, EN_WIRE_TEXT, link, MONDAY).block();

        assertThat(check.check("second-feed", EN_FOLLOW_UP_TITLE, EN_FOLLOW_UP_TEXT, link, MONDAY.plusSeconds(60)).block())
                .isEqualTo(Verdict.exactDuplicateOf("first-poll"));
    }

    @Test
    void letsOnlyOneOfManyCopiesCheckedAtTheSameMomentBeNew() {
        Map<String, Verdict> verdicts = Flux.range(0, 8).map(copy -> "copy-" + copy)
                .flatMap(id -> check.check(id, RU_WIRE_TITLE, RU_WIRE_TEXT, MONDAY).subscribeOn(Schedulers.parallel())
                        .map(verdict -> Map.entry(id, verdict)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue).block();

        List<String> firsts = verdicts.entrySet().stream()
                .filter(entry -> entry.getValue().kind() == Verdict.Kind.NEW).map(Map.Entry::getKey).toList();
        assertThat(firsts).hasSize(1);
        assertThat(verdicts).hasSize(8).allSatisfy((id, verdict) -> assertThat(verdict)
                .isEqualTo(id.equals(firsts.get(0)) ? Verdict.NEW : Verdict.exactDuplicateOf(firsts.get(0))));
    }

    /** How the submission flow is meant to use the check: drop a copy, mark a retelling, publish the rest. */
    @Test
    void showsHowTheIngestFlowUsesTheVerdict() {
        publishUnlessCopied("wire", new Report(EN_WIRE_TITLE, EN_WIRE_TEXT, "en", null, null, null, null, null, null)).block();
        Report republished = new Report(EN_OUTLET_A_TITLE, EN_OUTLET_A_TEXT, "en", null, null, null, null, null, null);

        ReportReceived event = publishUnlessCopied("outlet-a", republished).block();

        assertThat(event.duplicateOf()).isEqualTo("wire");
        assertThat(publishUnlessCopied("again", republished).blockOptional()).isEmpty();
    }

    private Mono<ReportReceived> publishUnlessCopied(String reportId, Report report) {
        Instant now = MONDAY;
        return check.check(reportId, report.title(), report.text(), now)
                .filter(verdict -> verdict.kind() != Verdict.Kind.EXACT_DUPLICATE)
                .map(verdict -> new ReportReceived(UUID.randomUUID(), now, reportId, Sensitivity.PUBLIC,
                        Source.feed("feed-1"), report, verdict.duplicateOf()));
    }

    private Verdict check(String reportId, String title, String text, Instant at) {
        return check.check(reportId, title, text, at).block();
    }
}
