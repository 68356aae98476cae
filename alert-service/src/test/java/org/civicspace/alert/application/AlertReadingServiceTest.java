package org.civicspace.alert.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.civicspace.alert.AlertProperties;
import org.civicspace.alert.domain.Alert;
import org.civicspace.alert.domain.incident.IncidentStatus;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Urgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;

import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class AlertReadingServiceTest {

    static final Duration PATIENCE = Duration.ofSeconds(5);

    final LiveAlerts live = new LiveAlerts(new AlertProperties(Duration.ofSeconds(15), Duration.ofSeconds(2)),
            Clock.systemUTC());

    @AfterEach
    void stopTheLiveFeed() {
        live.close();
    }

    @Test
    void replaysWhatWasMissedThenGoesLiveWithoutAGapOrARepeat() {
        // alerts 3 and 4 are raised while the store is being read: 3 is in the replay too, 4 only live
        AlertReadingService service = new AlertReadingService(storeAnswering(() -> {
            live.arrived(stored(3, "ana", "KZ"));
            live.arrived(stored(4, "ana", "KZ"));
            return Flux.just(stored(2, "ana", "KZ"), stored(3, "ana", "KZ"));
        }), live);

        StepVerifier.create(service.follow("ana", Set.of("KZ"), OptionalLong.of(1)).map(StoredAlert::seq))
                .expectNext(2L, 3L, 4L)
                .then(() -> {
                    live.arrived(stored(4, "ana", "KZ"));
                    live.arrived(stored(5, "ana", "KZ"));
                })
                .expectNext(5L)
                .thenCancel()
                .verify(PATIENCE);
    }

    @Test
    void aReplayStopsWhereTheLiveFeedTookOverSoAnAlertStillOnItsWayFromAnotherInstanceIsNotSkipped() {
        live.arrived(stored(5, "ana", "KZ"));
        // another instance stored 7 while 6 is still being sent: the store has 7, the live feed not yet
        AlertReadingService service = new AlertReadingService(storeAnswering(() -> Flux.just(
                stored(4, "ana", "KZ"), stored(5, "ana", "KZ"), stored(7, "ana", "KZ"))), live);

        StepVerifier.create(service.follow("ana", Set.of("KZ"), OptionalLong.of(3)).map(StoredAlert::seq))
                .expectNext(4L, 5L)
                .then(() -> {
                    live.arrived(stored(7, "ana", "KZ"));
                    live.arrived(stored(6, "ana", "KZ"));
                })
                .expectNext(6L, 7L)
                .thenCancel()
                .verify(PATIENCE);
    }

    @Test
    void showsOnlyTheCallersOwnAlertsAboutTheAskedCountries() {
        AlertReadingService service = new AlertReadingService(storeAnswering(() -> {
            throw new AssertionError("without a last seen seq nothing is replayed");
        }), live);

        StepVerifier.create(service.follow("ana", Set.of("KZ", "KG"), OptionalLong.empty()).map(StoredAlert::seq))
                .then(() -> {
                    live.arrived(stored(7, "bob", "KZ"));
                    live.arrived(stored(8, "ana", "UZ"));
                    live.arrived(stored(9, "ana", "KG"));
                })
                .expectNext(9L)
                .thenCancel()
                .verify(PATIENCE);
    }

    @Test
    void endsAStreamThatFallsTooFarBehindSoThatItResumesFromTheStore() {
        AlertReadingService service = new AlertReadingService(storeAnswering(Flux::empty), live);

        StepVerifier.create(service.follow("ana", Set.of("KZ"), OptionalLong.empty()), 0)
                .then(() -> {
                    for (int seq = 1; seq <= AlertReadingService.MAX_PENDING + 1; seq++) {
                        live.arrived(stored(seq, "ana", "KZ"));
                    }
                })
                .thenRequest(Long.MAX_VALUE)
                .thenConsumeWhile(alert -> true)
                .expectErrorMatches(e -> e.getMessage().contains("resume with Last-Event-ID"))
                .verify(PATIENCE);
    }

    @Test
    void aClientThatStopsReadingHoldsAtMostItsBufferAndIsEndedWhileAnotherGetsEveryAlert() {
        AlertReadingService service = new AlertReadingService(storeAnswering(Flux::empty), live);
        int alerts = AlertReadingService.MAX_PENDING + 10;
        List<Long> fastGot = new CopyOnWriteArrayList<>();
        List<Long> slowGot = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> slowEnded = new AtomicReference<>();
        // the slow client takes one alert and then reads no more, like a stalled connection
        BaseSubscriber<StoredAlert> slow = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            protected void hookOnNext(StoredAlert stored) {
                slowGot.add(stored.seq());
            }

            @Override
            protected void hookOnError(Throwable failure) {
                slowEnded.set(failure);
            }
        };
        service.follow("ana", Set.of("KZ"), OptionalLong.empty()).subscribe(slow);
        Disposable fast = service.follow("ana", Set.of("KZ"), OptionalLong.empty())
                .subscribe(stored -> fastGot.add(stored.seq()));

        for (int seq = 1; seq <= alerts; seq++) {
            live.arrived(stored(seq, "ana", "KZ"));
        }

        assertThat(fastGot).hasSize(alerts).startsWith(1L, 2L).endsWith((long) alerts);
        assertThat(slowGot).containsExactly(1L);
        slow.request(Long.MAX_VALUE);
        // what it had buffered, then the end that tells it to resume from the store
        assertThat(slowGot).hasSize(1 + AlertReadingService.MAX_PENDING);
        assertThat(slowEnded.get()).hasMessageContaining("resume with Last-Event-ID");
        fast.dispose();
    }

    static StoredAlert stored(long seq, String subscriber, String country) {
        Alert alert = new Alert("r-" + seq + ":sub", UUID.randomUUID(), Instant.EPOCH, "r-" + seq, "sub", subscriber,
                Sensitivity.PUBLIC, country, Urgency.HIGH, Set.of(), Set.of(), "headline " + seq, "inc-" + seq, 1,
                IncidentStatus.OPEN, 1);
        return new StoredAlert(seq, alert, true);
    }

    /** A store whose replay runs {@code replay} when it is read; nothing else is needed here. */
    static AlertStore storeAnswering(Supplier<Flux<StoredAlert>> replay) {
        return new AlertStore() {
            @Override
            public Flux<StoredAlert> after(String subscriber, Set<String> countries, long seq) {
                return Flux.defer(replay);
            }

            @Override
            public Mono<StoredAlert> insertNew(Alert alert) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Mono<StoredAlert> find(String alertId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Mono<StoredAlert> update(Alert alert, boolean newRevision) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Mono<Void> markPublished(String alertId, int revision) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Mono<Void> markNotified(String alertId, int revision, boolean heldForDigest) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Mono<Void> assignDigest(Instant before, LocalDate day) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Flux<StoredAlert> inDigest(LocalDate day) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Flux<StoredAlert> latest(String subscriber, Set<String> countries, Instant since, int limit) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
