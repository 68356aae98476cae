package org.civicspace.export.adapter.out.mongo;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.civicspace.events.Freedom;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.SourceKind;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.civicspace.export.application.SearchIndex;
import org.civicspace.export.domain.IndexEntry;
import org.civicspace.export.domain.IndexedReport;
import org.civicspace.export.domain.Tokens;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The search index in two collections of small documents written once and never grown, each read
 * by its {@code _id} only: the embedded store (mongo-java-server) answers {@code _id} look-ups,
 * {@code $in} and patterns on {@code _id} from its id index but scans every document for any other
 * field; it rewrites a whole document on every update, and its H2 file store pays for each document
 * and each index key written (both are Java-serialised). So: as few documents as can be, none that grows.
 * <ul>
 * <li>{@code search_entries}, {@code _id = "KZ|2026-11|r-…"}: a report's entry and its words, once
 * per country it concerns, in the month of its date. A country's months are the ids that start
 * {@code KZ|2026-11|}; keywords are checked against the words of the entries read.</li>
 * <li>{@code search_reports}, {@code _id} = report id: what is indexed for the report now, so that a
 * redelivery changes nothing and a re-classification takes back exactly what it no longer holds.</li>
 * </ul>
 * The per-report document is written last: if anything before it fails, the retry finds the old
 * state and does the same again (an entry already inserted by the failed attempt is not an error).
 * The collections of the earlier layout ({@code report_buckets}, {@code report_words},
 * {@code report_index}) are dropped when the start-up backfill asks what is indexed, and the
 * backfill then rebuilds the index from the archive.
 */
@Component
class MongoSearchIndex implements SearchIndex {

    static final String ENTRIES = "search_entries";
    static final String INDEXED = "search_reports";
    private static final List<String> EARLIER_LAYOUT = List.of("report_buckets", "report_words", "report_index");
    private static final int DUPLICATE_KEY = 11000;

    private final ReactiveMongoTemplate mongo;

    MongoSearchIndex(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> index(IndexedReport report) {
        return mongo.findById(report.id(), IndexedDocument.class, INDEXED)
                .map(IndexedDocument::toDomain)
                .map(previous -> previous.equals(report) ? Mono.<Void>empty() : replace(previous, report))
                .defaultIfEmpty(Mono.defer(() -> replace(null, report)))
                .flatMap(change -> change);
    }

    private Mono<Void> replace(IndexedReport previous, IndexedReport report) {
        // an entry of the previous classification goes, whether its country and month stay or not:
        // its tags or words may be other now
        Mono<Void> takeBack = previous == null ? Mono.empty()
                : mongo.remove(Query.query(Criteria.where("_id").in(entryIds(previous))), ENTRIES).then();
        Object entry = mongo.getConverter().convertToMongoType(report.entry());
        List<String> words = List.copyOf(report.words());
        List<org.bson.Document> entries = entryIds(report).stream()
                .map(id -> new org.bson.Document("_id", id).append("entry", entry).append("words", words)).toList();
        return takeBack
                .then(insert(entries))
                .then(mongo.save(new IndexedDocument(report.id(), report.entry(), report.words()), INDEXED))
                .then();
    }

    /** Inserts what is not there yet: an entry already inserted by an earlier attempt is left as it is. */
    private Mono<Void> insert(List<org.bson.Document> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        return mongo.getCollection(ENTRIES)
                .flatMap(collection -> Mono.from(collection.insertMany(entries, new InsertManyOptions().ordered(false))))
                .onErrorResume(MongoBulkWriteException.class, failed -> failed.getWriteErrors().stream()
                        .allMatch(error -> error.getCode() == DUPLICATE_KEY) ? Mono.empty() : Mono.error(failed))
                .then();
    }

    @Override
    public Flux<IndexEntry> entries(String country, List<YearMonth> months) {
        return entries(country, months, List.of());
    }

    @Override
    public Flux<IndexEntry> entries(String country, List<YearMonth> months, List<String> keywords) {
        // a pattern on _id alone is matched against the id index's keys, not against every document
        String countryPattern = country == null ? "[^|]+" : Pattern.quote(country);
        String monthPattern = months == null ? "[^|]+"
                : "(" + String.join("|", months.stream().map(YearMonth::toString).toList()) + ")";
        Query query = Query.query(Criteria.where("_id").regex("^" + countryPattern + "\\|" + monthPattern + "\\|"));
        if (keywords.isEmpty()) {
            query.fields().exclude("words");
        }
        // decoded by hand: a wide search reads every entry of the archive, and the object mapper
        // spends far longer per entry than these few fields need
        return mongo.find(query, org.bson.Document.class, ENTRIES)
                .filter(document -> keywords.isEmpty() || hasAll(keywords, document.getList("words", String.class)))
                .map(document -> entryOf(document.get("entry", org.bson.Document.class)));
    }

    private static boolean hasAll(List<String> keywords, List<String> words) {
        return words != null && keywords.stream()
                .allMatch(keyword -> words.stream().anyMatch(word -> Tokens.matches(keyword, word)));
    }

    /** An entry as {@code convertToMongoType} wrote it: the id as {@code _id}, enums by constant name, the date as a BSON date. */
    static IndexEntry entryOf(org.bson.Document entry) {
        return new IndexEntry(entry.getString("_id"), entry.getDate("at").toInstant(),
                entry.getList("countries", String.class),
                enums(Freedom.class, entry.getList("freedoms", String.class)),
                enums(ViolationType.class, entry.getList("violations", String.class)),
                enumOf(Urgency.class, entry.getString("urgency")),
                enumOf(Sensitivity.class, entry.getString("sensitivity")),
                enumOf(SourceKind.class, entry.getString("sourceKind")),
                entry.getString("submittedBy"), entry.getString("duplicateOf"));
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, List<String> names) {
        Set<E> values = EnumSet.noneOf(type);
        if (names != null) {
            names.forEach(name -> values.add(Enum.valueOf(type, name)));
        }
        return values;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    @Override
    public Flux<String> indexedIds() {
        Query idsOnly = new Query();
        idsOnly.fields().include("_id");
        return Flux.fromIterable(EARLIER_LAYOUT)
                .concatMap(name -> mongo.collectionExists(name).filter(Boolean::booleanValue)
                        .flatMap(exists -> mongo.dropCollection(name)))
                .thenMany(mongo.find(idsOnly, org.bson.Document.class, INDEXED).map(id -> id.getString("_id")));
    }

    /** {@code country|month|report} of each country the report concerns. */
    private static Set<String> entryIds(IndexedReport report) {
        Set<String> ids = new HashSet<>();
        for (String country : report.entry().countries()) {
            ids.add(country + "|" + report.entry().month() + "|" + report.id());
        }
        return ids;
    }

    @Document(INDEXED)
    record IndexedDocument(@Id String id, IndexEntry entry, Set<String> words) {

        IndexedReport toDomain() {
            return new IndexedReport(entry, words);
        }
    }
}
