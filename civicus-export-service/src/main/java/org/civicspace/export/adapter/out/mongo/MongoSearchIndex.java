package org.civicspace.export.adapter.out.mongo;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
 * The search index in three collections of small documents that are written once and never grow,
 * each read by its {@code _id} only: the embedded store (mongo-java-server) answers {@code _id}
 * look-ups, {@code $in} and patterns on {@code _id} from its id index, but scans every document for
 * any other field, and rewrites a whole document under its collection lock on every update — so an
 * index document that grew with each report made indexing quadratic.
 * <ul>
 * <li>{@code search_entries}, {@code _id = "KZ|2026-11|r-…"}: a report's entry, once per country it
 * concerns, in the month of its date; a country's month is the ids that start {@code KZ|2026-11|};</li>
 * <li>{@code search_words}, {@code _id = "задержан|2026-11|r-…"}: one empty document per word of a
 * report and its month; a keyword is the ids that start with it;</li>
 * <li>{@code search_reports}, {@code _id} = report id: what is indexed for the report now, so that a
 * re-classification takes back exactly what it no longer holds.</li>
 * </ul>
 * Indexing a report inserts its documents in two unordered bulk writes; an id already there (a
 * retry after a partial failure) is not an error. The per-report document is written last: if
 * anything before it fails, the retry finds the old state and does the same again. The collections
 * of the earlier layout ({@code report_buckets}, {@code report_words}, {@code report_index}) are
 * dropped when the start-up backfill asks what is indexed, which then rebuilds the index from the
 * archive.
 */
@Component
class MongoSearchIndex implements SearchIndex {

    static final String ENTRIES = "search_entries";
    static final String WORDS = "search_words";
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
        Set<String> entries = entryIds(report);
        Set<String> words = wordIds(report);
        Mono<Void> takeBack = Mono.empty();
        Mono<Void> rewriteKept = Mono.empty();
        if (previous != null) {
            Set<String> kept = new HashSet<>(entryIds(previous));
            kept.retainAll(entries);
            takeBack = remove(ENTRIES, minus(entryIds(previous), entries))
                    .then(remove(WORDS, minus(wordIds(previous), words)));
            // the same country and month, but maybe other tags: those entries are written anew
            rewriteKept = remove(ENTRIES, kept);
        }
        Object entry = mongo.getConverter().convertToMongoType(report.entry());
        List<org.bson.Document> entryDocuments = entries.stream()
                .map(id -> new org.bson.Document("_id", id).append("entry", entry)).toList();
        List<org.bson.Document> wordDocuments = words.stream().map(id -> new org.bson.Document("_id", id)).toList();
        return takeBack.then(rewriteKept)
                .then(insert(ENTRIES, entryDocuments))
                .then(insert(WORDS, wordDocuments))
                .then(mongo.save(new IndexedDocument(report.id(), report.entry(), report.words()), INDEXED))
                .then();
    }

    /** Inserts what is not there yet: a document already inserted by an earlier attempt is left as it is. */
    private Mono<Void> insert(String collection, List<org.bson.Document> documents) {
        if (documents.isEmpty()) {
            return Mono.empty();
        }
        return mongo.getCollection(collection)
                .flatMap(target -> Mono.from(target.insertMany(documents, new InsertManyOptions().ordered(false))))
                .onErrorResume(MongoBulkWriteException.class, failed -> failed.getWriteErrors().stream()
                        .allMatch(error -> error.getCode() == DUPLICATE_KEY) ? Mono.empty() : Mono.error(failed))
                .then();
    }

    private Mono<Void> remove(String collection, Set<String> ids) {
        return ids.isEmpty() ? Mono.empty()
                : mongo.remove(Query.query(Criteria.where("_id").in(ids)), collection).then();
    }

    @Override
    public Flux<IndexEntry> entries(String country, List<YearMonth> months) {
        // a pattern on _id alone is matched against the id index's keys, not against every document
        String countryPattern = country == null ? "[^|]+" : Pattern.quote(country);
        Query query = Query.query(Criteria.where("_id").regex("^" + countryPattern + "\\|" + monthsPattern(months) + "\\|"));
        // decoded by hand: a wide search reads every entry of the archive, and the object mapper
        // spends far longer per entry than these few fields need
        return mongo.find(query, org.bson.Document.class, ENTRIES)
                .map(document -> entryOf(document.get("entry", org.bson.Document.class)));
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
        return Flux.fromIterable(EARLIER_LAYOUT).concatMap(mongo::dropCollection)
                .thenMany(mongo.find(idsOnly, org.bson.Document.class, INDEXED).map(id -> id.getString("_id")));
    }

    @Override
    public Mono<Set<String>> matching(String keyword, List<YearMonth> months) {
        // a keyword of PREFIX_LENGTH letters or more finds every word that starts with it, a shorter one itself
        String words = Pattern.quote(keyword) + (keyword.length() >= Tokens.PREFIX_LENGTH ? "[^|]*" : "");
        Query query = Query.query(Criteria.where("_id").regex("^" + words + "\\|" + monthsPattern(months) + "\\|"));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, WORDS)
                .map(word -> reportOf(word.getString("_id")))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String monthsPattern(List<YearMonth> months) {
        return months == null ? "[^|]+" : "(" + String.join("|", months.stream().map(YearMonth::toString).toList()) + ")";
    }

    /** {@code country|month|report} of each country the report concerns. */
    private static Set<String> entryIds(IndexedReport report) {
        Set<String> ids = new HashSet<>();
        for (String country : report.entry().countries()) {
            ids.add(country + "|" + report.entry().month() + "|" + report.id());
        }
        return ids;
    }

    /** {@code word|month|report} of each word: a word moves with its report's month. */
    private static Set<String> wordIds(IndexedReport report) {
        Set<String> ids = new HashSet<>();
        for (String word : report.words()) {
            ids.add(word + "|" + report.entry().month() + "|" + report.id());
        }
        return ids;
    }

    /** The report of a word's {@code _id}: a word has no bar and a month one form, so it is all after the second. */
    private static String reportOf(String wordId) {
        return wordId.split("\\|", 3)[2];
    }

    private static Set<String> minus(Set<String> all, Set<String> kept) {
        Set<String> rest = new HashSet<>(all);
        rest.removeAll(kept);
        return rest;
    }

    @Document(INDEXED)
    record IndexedDocument(@Id String id, IndexEntry entry, Set<String> words) {

        IndexedReport toDomain() {
            return new IndexedReport(entry, words);
        }
    }
}
