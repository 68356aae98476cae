package org.civicspace.ingest.adapter.in.scheduling;

import java.time.Duration;

import org.civicspace.ingest.PollingProperties;
import org.civicspace.ingest.application.PollFeedsUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Every tick, polls the feeds that are due. A tick waits for the previous one to finish
 * ({@code concatMap}), so a slow round never overlaps the next and the load stays bounded.
 * Stopping (the application closing) starts no further poll and waits, at most
 * {@code stop-timeout}, for the polls under way to record their outcome: the store and the
 * broker are closed only after this, so a poll is never cut off halfway by their closing.
 */
@Component
class FeedPollingSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedPollingSchedule.class);

    private final PollFeedsUseCase pollFeeds;
    private final PollingProperties polling;
    private volatile Running running;

    FeedPollingSchedule(PollFeedsUseCase pollFeeds, PollingProperties polling) {
        this.pollFeeds = pollFeeds;
        this.polling = polling;
    }

    @Override
    public void start() {
        if (!polling.enabled()) {
            log.info("feed polling is off (civicspace.ingest.polling.enabled=false)");
            return;
        }
        Sinks.Empty<Void> stop = Sinks.empty();
        Sinks.Empty<Void> stopped = Sinks.empty();
        Disposable rounds = Flux.interval(polling.tick(), Schedulers.boundedElastic())
                .onBackpressureDrop()
                .takeUntilOther(stop.asMono())
                .concatMap(tick -> pollFeeds.pollDue(stop.asMono()).count()
                        .onErrorResume(failure -> {
                            log.warn("a round of feed polling failed; the next tick tries again", failure);
                            return Mono.just(0L);
                        }), 1)
                .doFinally(signal -> stopped.tryEmitEmpty())
                .subscribe(polled -> {
                    if (polled > 0) {
                        log.debug("polled {} feeds", polled);
                    }
                });
        running = new Running(stop, stopped, rounds);
    }

    @Override
    public void stop() {
        stop(() -> { });
    }

    @Override
    public void stop(Runnable callback) {
        Running current = running;
        running = null;
        if (current == null) {
            callback.run();
            return;
        }
        Duration grace = polling.stopTimeout();
        current.stop().tryEmitEmpty();
        current.stopped().asMono()
                .timeout(grace, Mono.fromRunnable(() -> {
                    log.warn("feed polls still under way {} s after stopping began; cutting them off", grace.toSeconds());
                    current.rounds().dispose();
                }))
                .doFinally(signal -> callback.run())
                .subscribe();
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    private record Running(Sinks.Empty<Void> stop, Sinks.Empty<Void> stopped, Disposable rounds) {
    }
}
