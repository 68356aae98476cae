package org.civicspace.export.country.adapter;

import java.time.ZoneOffset;
import java.util.List;

import org.civicspace.events.CivicusRating;
import org.civicspace.export.country.application.CountryRatings;
import org.civicspace.export.country.domain.CountryRating;
import org.civicspace.export.country.domain.RatingChange;
import org.civicspace.export.country.domain.RatingSeed;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The {@code country_ratings} collection, {@code _id} = country code. A change is one
 * find-and-modify on the id and the rating it expects to replace; the first rating of a country is
 * an insert, which the unique {@code _id} lets only one of two racing editors make.
 */
@Component
class MongoCountryRatings implements CountryRatings {

    private final ReactiveMongoTemplate mongo;

    MongoCountryRatings(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<CountryRating> find(String country) {
        return mongo.findById(country, RatingDocument.class).map(RatingDocument::toDomain);
    }

    @Override
    public Mono<CountryRating> change(String country, RatingChange change) {
        if (change.from() == null) {
            return mongo.insert(new RatingDocument(country, change.to(), yearOf(change), null, List.of(change)))
                    .map(RatingDocument::toDomain)
                    .onErrorResume(DuplicateKeyException.class, someoneWasFirst -> Mono.empty());
        }
        Query current = Query.query(Criteria.where("_id").is(country).and("rating").is(change.from()));
        Update update = new Update().set("rating", change.to()).set("since", yearOf(change)).unset("note")
                .push("history", change);
        return mongo.findAndModify(current, update, FindAndModifyOptions.options().returnNew(true), RatingDocument.class)
                .map(RatingDocument::toDomain);
    }

    @Override
    public Mono<Boolean> seed(RatingSeed seed, RatingChange first) {
        Update update = new Update()
                .setOnInsert("rating", seed.rating())
                .setOnInsert("since", seed.since())
                .setOnInsert("note", seed.note())
                .setOnInsert("history", List.of(first));
        return mongo.upsert(Query.query(Criteria.where("_id").is(seed.country())), update, RatingDocument.class)
                .map(result -> result.getUpsertedId() != null);
    }

    private static int yearOf(RatingChange change) {
        return change.at().atOffset(ZoneOffset.UTC).getYear();
    }

    @Document("country_ratings")
    record RatingDocument(@Id String country, CivicusRating rating, Integer since, String note,
            List<RatingChange> history) {

        CountryRating toDomain() {
            return new CountryRating(country, rating, since, note, history);
        }
    }
}
