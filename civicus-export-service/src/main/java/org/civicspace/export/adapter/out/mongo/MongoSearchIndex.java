package org.civicspace.export.adapter.out.mongo;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The search index in three collections, each read by {@code _id} only: the embedded store
 * (mongo-java-server) answers {@code _id} look-ups and {@code $in} from its id index but scans the
 * whole collection for any other field, whatever indexes exist.
 * <ul>
 * <li>{@code report_buckets}, {@code _id = "KZ|2026-11"}: the entries of every report concerning
 * that country in that month, under {@code entries.<report id>};</li>
 * <li>{@code report_words}, {@code _id = "зад|2026-11"}: for each word starting with those letters,
 * the ids of that month's reports using it, under {@code words.<word>};</li>
 * <li>{@code report_index}, {@code _id} = report id: what is indexed for the report now, so that a
 * re-classification can take back exactly what it no longer holds.</li>
 * </ul>
 * The per-report document is written last: if anything before it fails, the retry finds the old
 * state and applies the same changes again, which are idempotent.
 */
@Component
class MongoSearchIndex implements SearchIndex {

    static final String BUCKETS = "report_buckets";
    static final String WORDS = "report_words";
    static final String INDEXED = "report_index";

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
        String id = report.id();
        String field = fieldName(id);
        Set<String> buckets = bucketKeys(report.entry());
        Set<String> words = wordKeys(report);

        // untyped bulk writes: the entry is converted once, and no field path is looked up in an entity model
        Object entry = mongo.getConverter().convertToMongoType(report.entry());
        List<UpdateOne> bucketWrites = new ArrayList<>();
        for (String key : buckets) {
            bucketWrites.add(new UpdateOne(key, new Update().set("entries." + field, entry), true));
        }
        // one write per word bucket document, however many of the report's words it holds
        Map<String, Update> wordWrites = new HashMap<>();
        for (String key : words) {
            wordWrites.computeIfAbsent(bucketOf(key), bucket -> new Update()).addToSet("words." + wordOf(key), id);
        }
        List<UpdateOne> wordChanges = new ArrayList<>();
        if (previous != null) {
            for (String stale : minus(bucketKeys(previous.entry()), buckets)) {
                bucketWrites.add(new UpdateOne(stale, new Update().unset("entries." + field), false));
            }
            for (String stale : minus(wordKeys(previous), words)) {
                wordChanges.add(new UpdateOne(bucketOf(stale), new Update().pull("words." + wordOf(stale), id), false));
            }
        }
        wordWrites.forEach((bucket, update) -> wordChanges.add(new UpdateOne(bucket, update, true)));
        return Flux.concat(bulk(BUCKETS, bucketWrites), bulk(WORDS, wordChanges))
                .then(mongo.save(new IndexedDocument(id, report.entry(), report.words()), INDEXED))
                .then();
    }

    private Mono<?> bulk(String collection, List<UpdateOne> writes) {
        if (writes.isEmpty()) {
            return Mono.empty();
        }
        var operations = mongo.bulkOps(BulkMode.UNORDERED, collection);
        for (UpdateOne write : writes) {
            if (write.upsert()) {
                operations.upsert(byId(write.id()), write.update());
            } else {
                operations.updateOne(byId(write.id()), write.update());
            }
        }
        return operations.execute();
    }

    /** One update of the document with this {@code _id}. */
    private record UpdateOne(String id, Update update, boolean upsert) {
    }

    @Override
    public Flux<IndexEntry> entries(String country, List<YearMonth> months) {
        Query query;
        if (months != null && country != null) {
            query = Query.query(Criteria.where("_id").in(months.stream().map(m -> country + "|" + m).toList()));
        } else {
            // a pattern on _id alone is matched against the id index's keys, not against every document
            String countryPattern = country == null ? "[^|]+" : Pattern.quote(country);
            String monthPattern = months == null ? ".*"
                    : "(" + String.join("|", months.stream().map(YearMonth::toString).toList()) + ")";
            query = Query.query(Criteria.where("_id").regex("^" + countryPattern + "\\|" + monthPattern + "$"));
        }
        // decoded by hand: a wide search reads every entry of the archive, and the object mapper
        // spends far longer per entry than these few fields need
        return mongo.find(query, org.bson.Document.class, BUCKETS)
                .flatMapIterable(bucket -> {
                    org.bson.Document entries = bucket.get("entries", org.bson.Document.class);
                    return entries == null ? List.<IndexEntry>of() : entries.values().stream()
                            .map(entry -> entryOf((org.bson.Document) entry)).toList();
                });
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
        return mongo.find(idsOnly, org.bson.Document.class, INDEXED).map(id -> id.getString("_id"));
    }

    @Override
    public Mono<Set<String>> matching(String keyword, List<YearMonth> months) {
        String bucket = Tokens.bucketOf(keyword);
        Criteria byBucket = months == null
                ? Criteria.where("_id").regex("^" + Pattern.quote(bucket) + "\\|")
                : Criteria.where("_id").in(months.stream().map(m -> bucket + "|" + m).toList());
        return mongo.find(Query.query(byBucket), WordsDocument.class, WORDS)
                .collect(HashSet<String>::new, (ids, words) -> {
                    if (words.words() != null) {
                        words.words().forEach((word, reports) -> {
                            if (Tokens.matches(keyword, word)) {
                                ids.addAll(reports);
                            }
                        });
                    }
                })
                .map(Set::copyOf);
    }

    private static Set<String> bucketKeys(IndexEntry entry) {
        Set<String> keys = new HashSet<>();
        for (String country : entry.countries()) {
            keys.add(country + "|" + entry.month());
        }
        return keys;
    }

    /** {@code word|month} of each word: a word moves with its report's month. */
    private static Set<String> wordKeys(IndexedReport report) {
        Set<String> keys = new HashSet<>();
        for (String word : report.words()) {
            keys.add(word + "|" + report.entry().month());
        }
        return keys;
    }

    private static String bucketOf(String wordKey) {
        int bar = wordKey.lastIndexOf('|');
        return Tokens.bucketOf(wordKey.substring(0, bar)) + wordKey.substring(bar);
    }

    private static String wordOf(String wordKey) {
        return wordKey.substring(0, wordKey.lastIndexOf('|'));
    }

    private static Set<String> minus(Set<String> all, Set<String> kept) {
        Set<String> rest = new HashSet<>(all);
        rest.removeAll(kept);
        return rest;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    /** A report id as a field name: a dot would make a path and a leading {@code $} an operator. */
    static String fieldName(String reportId) {
        return reportId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    @Document(WORDS)
    record WordsDocument(@Id String id, Map<String, List<String>> words) {
    }

    @Document(INDEXED)
    record IndexedDocument(@Id String id, IndexEntry entry, Set<String> words) {

        IndexedReport toDomain() {
            return new IndexedReport(entry, words);
        }
    }
}
