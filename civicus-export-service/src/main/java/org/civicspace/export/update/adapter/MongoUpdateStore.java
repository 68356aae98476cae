package org.civicspace.export.update.adapter;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

import org.bson.Document;
import org.civicspace.export.update.application.UpdateStore;
import org.civicspace.export.update.domain.UpdateConflictException;
import org.civicspace.export.update.domain.UpdateDocument;
import org.civicspace.export.update.domain.UpdateVersion;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code update_versions}: one document per version, {@code _id} = {@code <update id>|<version,
 * four digits>}, so the unique {@code _id} lets only one of two racing edits become the next
 * version, and an update's versions are an {@code _id} pattern away, in order. The document itself
 * is stored as its JSON (dates as ISO strings) under {@code document}, beside the fields queries use.
 */
@Component
class MongoUpdateStore implements UpdateStore {

    private static final String VERSIONS = "update_versions";

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;

    MongoUpdateStore(ReactiveMongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    @Override
    public Mono<UpdateVersion> add(UpdateVersion version) {
        return Mono.fromCallable(() -> toBson(version))
                .flatMap(bson -> mongo.insert(bson, VERSIONS))
                .thenReturn(version)
                .onErrorMap(DuplicateKeyException.class, taken -> new UpdateConflictException(
                        "Update " + version.id() + " was changed meanwhile (version " + version.number()
                                + " exists already); read it again and repeat your change."));
    }

    @Override
    public Mono<UpdateVersion> latest(String id) {
        Query query = ofUpdate(id).with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        return mongo.findOne(query, Document.class, VERSIONS).map(this::fromBson);
    }

    @Override
    public Mono<UpdateVersion> version(String id, int number) {
        return mongo.findById(key(id, number), Document.class, VERSIONS).map(this::fromBson);
    }

    @Override
    public Flux<UpdateVersion> versions(String id) {
        return mongo.find(ofUpdate(id).with(Sort.by("_id")), Document.class, VERSIONS).map(this::fromBson);
    }

    @Override
    public Flux<UpdateVersion> latestOf(String country) {
        Query query = country == null ? new Query() : Query.query(Criteria.where("country").is(country));
        query.fields().include("updateId", "version");
        BinaryOperator<Document> higher = (a, b) -> a.getInteger("version") >= b.getInteger("version") ? a : b;
        return mongo.find(query, Document.class, VERSIONS).collectList()
                .flatMapMany(heads -> {
                    Map<String, Document> latest = heads.stream()
                            .collect(Collectors.toMap(d -> d.getString("updateId"), d -> d, higher));
                    List<String> ids = latest.values().stream().map(d -> d.getString("_id")).toList();
                    return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, VERSIONS);
                })
                .map(this::fromBson)
                .sort(Comparator.comparing((UpdateVersion v) -> v.document().editedAt()).reversed());
    }

    private static Query ofUpdate(String id) {
        // ids are generated here (u- and hex), so nothing in them needs quoting in a pattern
        return Query.query(Criteria.where("_id").regex("^" + id + "\\|"));
    }

    private static String key(String id, int number) {
        return id + "|" + String.format("%04d", number);
    }

    private Document toBson(UpdateVersion version) {
        UpdateDocument document = version.document();
        return new Document("_id", key(version.id(), version.number()))
                .append("updateId", version.id())
                .append("country", document.country())
                .append("version", version.number())
                .append("status", document.status().wireName())
                .append("editedBy", document.editedBy())
                .append("editedAt", Date.from(document.editedAt()))
                .append("correction", version.correction())
                .append("restrictedSources", version.restrictedSources())
                .append("document", Document.parse(json.writeValueAsString(document)));
    }

    private UpdateVersion fromBson(Document bson) {
        UpdateDocument document = json.readValue(bson.get("document", Document.class).toJson(), UpdateDocument.class);
        return new UpdateVersion(document, bson.getList("restrictedSources", String.class),
                bson.getString("correction"));
    }
}
