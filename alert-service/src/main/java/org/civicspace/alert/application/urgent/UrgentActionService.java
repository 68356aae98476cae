package org.civicspace.alert.application.urgent;

import static org.civicspace.alert.application.AlertNotifications.escape;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.civicspace.alert.NotifyProperties;
import org.civicspace.alert.UrgentProperties;
import org.civicspace.alert.application.Deliveries;
import org.civicspace.alert.application.Notification;
import org.civicspace.alert.domain.Channel;
import org.civicspace.alert.domain.incident.Incident;
import org.civicspace.alert.domain.incident.IncidentStatus;
import org.civicspace.alert.domain.urgent.OnCallPerson;
import org.civicspace.alert.domain.urgent.UrgentAction;
import org.civicspace.events.Urgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Opens an urgent action for each urgent open incident, tells the country's first on-call person
 * at once, escalates down the roster while nobody acknowledges, and records every step. Each
 * message has the key {@code urgent:<action>:<level>:<channel>} and is queued before the step is
 * recorded, with the record conditional on the action being as it was read: an escalation run
 * twice, at once or after a restart, queues the same keys (kept once by the outbox) and records
 * one step.
 */
@Service
public class UrgentActionService {

    private static final Logger log = LoggerFactory.getLogger(UrgentActionService.class);
    /** Enough for an acknowledgement racing a few escalations; past it the caller is told to try again. */
    private static final int ACK_ATTEMPTS = 5;

    private final UrgentActionStore store;
    private final Deliveries deliveries;
    private final UrgentProperties urgent;
    private final NotifyProperties notify;
    private final Clock clock;
    private final MeterRegistry meters;

    UrgentActionService(UrgentActionStore store, Deliveries deliveries, UrgentProperties urgent,
            NotifyProperties notify, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.deliveries = deliveries;
        this.urgent = urgent;
        this.notify = notify;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Opens the incident's urgent action if it is urgent and open, and tells the first person; closes
     * its action if the incident was resolved, so that nobody more is told; else nothing.
     */
    public Mono<Void> consider(Incident incident) {
        if (incident.status() == IncidentStatus.RESOLVED) {
            return close(UrgentAction.idOf(incident.id()), action -> action.resolved(clock.instant())).then();
        }
        if (incident.urgency() != Urgency.URGENT || incident.status() != IncidentStatus.OPEN) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        if (urgent.rosterOf(incident.country()).isEmpty()) {
            log.warn("urgent action for incident {} has no one to tell: configure civicspace.alert.urgent.on-call.{}",
                    incident.id(), incident.country());
        }
        return store.open(UrgentAction.open(incident, now))
                .flatMap(action -> notifyDue(action, now))
                .then();
    }

    /** Escalates every unacknowledged action whose time is up at {@code now}. */
    public Mono<Void> escalateDue(Instant now) {
        return store.unacknowledged().concatMap(action -> notifyDue(action, now)).then();
    }

    /** Acknowledges for {@code user}; empty when there is no such action. Acknowledging twice keeps the first. */
    public Mono<UrgentAction> acknowledge(String id, String user) {
        return close(id, action -> action.acknowledged(user, clock.instant()));
    }

    /** Records {@code closing} of the action unless it was closed before, retried if an escalation got in first. */
    private Mono<UrgentAction> close(String id, UnaryOperator<UrgentAction> closing) {
        return Mono.defer(() -> store.find(id).flatMap(action -> {
                    UrgentAction closed = closing.apply(action);
                    if (closed == action) {
                        return Mono.just(action);
                    }
                    return store.replace(action, closed).flatMap(done -> {
                        if (!done) {
                            return Mono.error(new ConcurrentChange());
                        }
                        meters.counter("civicspace.alert.urgent-actions.acknowledged",
                                "by", closed.wasResolved() ? "resolution" : "person").increment();
                        log.info("urgent action {} {} by {}", id, closed.wasResolved() ? "closed" : "acknowledged",
                                closed.acknowledgedBy());
                        return Mono.just(closed);
                    });
                }))
                .retryWhen(Retry.max(ACK_ATTEMPTS).filter(ConcurrentChange.class::isInstance));
    }

    public Flux<UrgentAction> queue() {
        return store.all();
    }

    private Mono<UrgentAction> notifyDue(UrgentAction action, Instant now) {
        List<OnCallPerson> roster = urgent.rosterOf(action.country());
        int level = action.nextLevel(now, urgent.escalateAfter(), roster.size());
        if (level < 0) {
            return Mono.just(action);
        }
        OnCallPerson person = roster.get(level);
        UrgentAction after = action.notified(level, person.name(), now);
        return Flux.fromIterable(messages(action, level, person))
                .concatMap(deliveries::enqueue)
                .then(store.replace(action, after))
                .map(recorded -> {
                    if (recorded) {
                        meters.counter("civicspace.alert.urgent-actions.notified",
                                "step", level == 0 ? "first" : "escalation").increment();
                        log.info("urgent action {} {} roster position {}", action.id(),
                                level == 0 ? "notified" : "escalated to", level);
                    }
                    return recorded ? after : action;
                });
    }

    private List<Notification> messages(UrgentAction action, int level, OnCallPerson person) {
        String link = notify.linkBase() + "/urgent-actions/" + action.id();
        String escalated = level == 0 ? "" : " (escalated: not acknowledged after " + urgent.escalateAfter()
                .toMinutes() + " min)";
        String subject = "URGENT " + action.country() + ": " + action.headline();
        String text = "Urgent action " + action.id() + escalated + "\n\n" + action.headline()
                + "\n\nAcknowledge it (sign in): " + link + "\n";
        String html = "<p><strong>Urgent action</strong>" + escalated + "</p><p>" + escape(action.headline())
                + "</p><p><a href=\"" + escape(link) + "\">Acknowledge it (sign in)</a></p>";
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "urgent-action");
        payload.put("urgentActionId", action.id());
        payload.put("incidentId", action.incidentId());
        payload.put("country", action.country());
        payload.put("sensitivity", action.sensitivity().wireName());
        payload.put("headline", action.headline());
        payload.put("level", level);
        payload.put("link", link);
        String key = "urgent:" + action.id() + ":" + level + ":";
        List<Notification> messages = new ArrayList<>();
        if (person.email() != null && !person.email().isBlank()) {
            messages.add(new Notification(key + "email", person.name(), Channel.EMAIL, person.email(), null, subject,
                    text, html, payload));
        }
        if (person.webhookUrl() != null && !person.webhookUrl().isBlank()) {
            messages.add(new Notification(key + "webhook", person.name(), Channel.WEBHOOK, person.webhookUrl(),
                    person.webhookSecret(), subject, text, html, payload));
        }
        return messages;
    }

    /** The action changed between reading and writing; read it again. */
    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("the urgent action changed meanwhile", null, false, false);
        }
    }
}
