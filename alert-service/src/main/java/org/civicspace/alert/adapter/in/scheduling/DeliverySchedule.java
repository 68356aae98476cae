package org.civicspace.alert.adapter.in.scheduling;

import java.util.concurrent.atomic.AtomicLong;

import org.civicspace.alert.DeliveryProperties;
import org.civicspace.alert.application.delivery.DeliveryWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a delivery round every {@code civicspace.alert.delivery.poll-interval} while the service
 * runs, one round at a time (a tick that comes while a round is busy is skipped), and keeps the
 * gauge of due outbox entries up to date. A failed round (the store away) is logged and the next
 * tick tries again.
 */
@Component
class DeliverySchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliverySchedule.class);

    private final DeliveryWorker worker;
    private final DeliveryProperties properties;
    private final AtomicLong due = new AtomicLong();
    private volatile Disposable rounds;

    DeliverySchedule(DeliveryWorker worker, DeliveryProperties properties, MeterRegistry meters) {
        this.worker = worker;
        this.properties = properties;
        Gauge.builder("civicspace.alert.outbox.due", due, AtomicLong::get)
                .description("pending notifications whose next attempt is due")
                .register(meters);
    }

    @Override
    public void start() {
        rounds = Flux.interval(properties.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> worker.deliverDue()
                        .then(worker.countDue())
                        .doOnNext(due::set)
                        .onErrorResume(failed -> {
                            log.warn("a delivery round failed: {}", failed.toString());
                            return Mono.empty();
                        }), 0)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = rounds;
        if (running != null) {
            running.dispose();
        }
        rounds = null;
    }

    @Override
    public boolean isRunning() {
        return rounds != null && !rounds.isDisposed();
    }
}
