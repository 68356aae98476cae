package org.civicspace.ingest.adapter.in.scheduling;

import org.civicspace.ingest.PollingProperties;
import org.civicspace.ingest.application.PollFeedsUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every tick, polls the feeds that are due. A tick waits for the previous one to finish
 * ({@code concatMap}), so a slow round never overlaps the next and the load stays bounded.
 */
@Component
class FeedPollingSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedPollingSchedule.class);

    private final PollFeedsUseCase pollFeeds;
    private final PollingProperties polling;
    private volatile Disposable running;

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
        running = Flux.interval(polling.tick(), Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> pollFeeds.pollDue().count()
                        .onErrorResume(failure -> {
                            log.warn("a round of feed polling failed; the next tick tries again", failure);
                            return Mono.just(0L);
                        }), 1)
                .subscribe(polled -> {
                    if (polled > 0) {
                        log.debug("polled {} feeds", polled);
                    }
                });
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
