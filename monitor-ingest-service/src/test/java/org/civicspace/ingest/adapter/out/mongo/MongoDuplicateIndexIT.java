package org.civicspace.ingest.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.ingest.domain.dedup.WireStories.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.civicspace.ingest.application.DuplicatesProperties;
import org.civicspace.ingest.domain.dedup.KnownReport;
import org.civicspace.ingest.domain.dedup.NearDuplicates;
import org.civicspace.ingest.domain.dedup.Signature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class MongoDuplicateIndexIT {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static MongoClient client;
    static int databases;

    static final DuplicatesProperties PROPERTIES = new DuplicatesProperties(0.6, Duration.ofDays(14), Duration.ofDays(30), 1_000);
    static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    static final Clock THE_DAY_AFTER = Clock.fixed(MONDAY.plus(Duration.ofDays(1)), ZoneOffset.UTC);

    final NearDuplicates duplicates = new NearDuplicates(PROPERTIES.nearThreshold());
    ReactiveMongoTemplate mongo;
    MongoDuplicateIndex index;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MONGO.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        MONGO.shutdownNow();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new ReactiveMongoTemplate(client, "dedup-" + databases++);
        index = new MongoDuplicateIndex(mongo, PROPERTIES, THE_DAY_AFTER);
    }

    @Test
    void findsAnEarlierTellingOfTheStoryByItsBandKeys() {
        KnownReport wire = known("wire", MONDAY, EN_WIRE_TITLE, EN_WIRE_TEXT);
        assertThat(index.remember(wire).block()).isTrue();
        index.remember(known("other", MONDAY, EN_OTHER_TITLE, EN_OTHER_TEXT)).block();

        List<KnownReport> found = candidates("outlet-a", sign(EN_OUTLET_A_TITLE, EN_OUTLET_A_TEXT), MONDAY);

        assertThat(found).containsExactly(wire);
    }

    @Test
    void findsNothingForADifferentStory() {
        index.remember(known("wire", MONDAY, EN_WIRE_TITLE, EN_WIRE_TEXT)).block();
        index.remember(known("ru-wire", MONDAY, RU_WIRE_TITLE, RU_WIRE_TEXT)).block();

        assertThat(candidates("other", sign(EN_OTHER_TITLE, EN_OTHER_TEXT), MONDAY)).isEmpty();
    }

    @Test
    void looksForSimilarReportsOnlyWithinTheWindowButForExactCopiesBeyondIt() {
        index.remember(known("wire", MONDAY, EN_WIRE_TITLE, EN_WIRE_TEXT)).block();
        Instant afterTheWindow = MONDAY.plusSeconds(1);

        assertThat(candidates("outlet-a", sign(EN_OUTLET_A_TITLE, EN_OUTLET_A_TEXT), afterTheWindow)).isEmpty();
        assertThat(candidates("copy", sign(EN_WIRE_TITLE, EN_WIRE_TEXT), afterTheWindow))
                .extracting(KnownReport::reportId).containsExactly("wire");
    }

    @Test
    void findsAReportRememberedBeforeItselfSoThatItIsNotTakenForItsOwnCopy() {
        index.remember(known("wire", MONDAY, EN_WIRE_TITLE, EN_WIRE_TEXT)).block();

        assertThat(candidates("wire", sign("Unrelated", "words"), MONDAY.plus(Duration.ofDays(60))))
                .extracting(KnownReport::reportId).containsExactly("wire");
    }

    @Test
    void remembersAReportOnceWhateverTimesItIsRemembered() {
        KnownReport first = known("outlet-a", MONDAY, EN_OUTLET_A_TITLE, EN_OUTLET_A_TEXT, "wire");
        assertThat(index.remember(first).block()).isTrue();
        assertThat(index.remember(known("outlet-a", MONDAY.plusSeconds(3600), EN_OUTLET_A_TITLE, EN_OUTLET_A_TEXT, null)).block())
                .isTrue();

        assertThat(mongo.count(new Query(), MongoDuplicateIndex.SIGNATURES).block())
                .isEqualTo(1L);
        assertThat(candidates("outlet-a", first.signature(), MONDAY)).containsExactly(first);
    }

    @Test
    void refusesToRememberASecondReportWithTheSameFingerprint() {
        index.remember(known("wire", MONDAY, EN_WIRE_TITLE, EN_WIRE_TEXT)).block();

        assertThat(index.remember(known("copy", MONDAY.plusSeconds(1), EN_WIRE_TITLE, EN_WIRE_TEXT)).block()).isFalse();
        Signature sameUrl = duplicates.sign(EN_OTHER_TITLE, EN_OTHER_TEXT, "https://news.example/a/1");
        assertThat(index.remember(new KnownReport("a", MONDAY, sameUrl, null)).block()).isTrue();
        Signature sameUrlNewText = duplicates.sign(EN_FOLLOW_UP_TITLE, EN_FOLLOW_UP_TEXT, "https://news.example/a/1");
        assertThat(index.remember(new KnownReport("b", MONDAY, sameUrlNewText, null)).block()).isFalse();
    }

    @Test
    void findsReportsRememberedBeforeARestartByTheirStoredBandKeys() {
        KnownReport wire = known("wire", MONDAY, EN_WIRE_TITLE, EN_WIRE_TEXT);
        index.remember(wire).block();
        index.remember(known("old", MONDAY.minus(Duration.ofDays(20)), RU_WIRE_TITLE, RU_WIRE_TEXT)).block();

        MongoDuplicateIndex restarted = new MongoDuplicateIndex(mongo, PROPERTIES, THE_DAY_AFTER);

        assertThat(restarted.candidates("outlet-a", sign(EN_OUTLET_A_TITLE, EN_OUTLET_A_TEXT), MONDAY).collectList().block())
                .containsExactly(wire);
        // read back only from within the window
        assertThat(restarted.candidates("ru-outlet", sign(RU_OUTLET_A_TITLE, RU_OUTLET_A_TEXT),
                MONDAY.minus(Duration.ofDays(30))).collectList().block()).isEmpty();
    }

    @Test
    void keepsHashesOnlyNeverTheText() {
        index.remember(known("wire", MONDAY, EN_WIRE_TITLE, EN_WIRE_TEXT)).block();

        Document signature = mongo.findAll(Document.class, MongoDuplicateIndex.SIGNATURES).blockFirst();
        assertThat(signature.keySet()).isSubsetOf(
                Set.of("_id", "_class", "firstSeenAt", "duplicateOf", "scheme", "fingerprints", "signature", "bandKeys"));
        assertThat(signature.getList("signature", Integer.class)).hasSize(128);
        assertThat(signature.getList("bandKeys", Long.class)).hasSize(32);
        assertThat(mongo.getCollectionNames().collectList().block()).containsExactly(MongoDuplicateIndex.SIGNATURES);
        assertThat(signature.toJson()).doesNotContainIgnoringCase("Saryev").doesNotContainIgnoringCase("Bishkek");
    }

    @Test
    void createsTheIndexesItQueriesBy() {
        index.remember(known("wire", MONDAY, EN_WIRE_TITLE, EN_WIRE_TEXT)).block();

        assertThat(indexNames(MongoDuplicateIndex.SIGNATURES)).contains("fingerprints_unique", "firstSeenAt_retention");
    }

    private List<String> indexNames(String collection) {
        return mongo.indexOps(collection).getIndexInfo().map(IndexInfo::getName).collectList().block();
    }

    private List<KnownReport> candidates(String reportId, Signature signature, Instant since) {
        return index.candidates(reportId, signature, since).collectList().block();
    }

    private Signature sign(String title, String text) {
        return duplicates.sign(title, text, null);
    }

    private KnownReport known(String id, Instant at, String title, String text) {
        return known(id, at, title, text, null);
    }

    private KnownReport known(String id, Instant at, String title, String text, String duplicateOf) {
        return new KnownReport(id, at, sign(title, text), duplicateOf);
    }
}
