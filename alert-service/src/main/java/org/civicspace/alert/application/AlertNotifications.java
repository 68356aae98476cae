package org.civicspace.alert.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicspace.alert.NotifyProperties;
import org.civicspace.alert.domain.Alert;
import org.civicspace.alert.domain.Cadence;
import org.civicspace.alert.domain.Channel;
import org.civicspace.alert.domain.Subscription;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Pushes alert events to e-mail and webhook subscribers through the outbox, within each
 * subscriber's hourly budget; what is over budget, or on a daily subscription, waits for the
 * digest. Builds every message from the alert alone, which carries only what its subscriber may
 * see: a confidential incident is "something new is waiting" and a link behind login.
 */
@Component
public class AlertNotifications {

    private final Deliveries deliveries;
    private final AlertStore alerts;
    private final AlertBudget budget;
    private final NotifyProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    AlertNotifications(Deliveries deliveries, AlertStore alerts, AlertBudget budget, NotifyProperties properties,
            Clock clock, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.alerts = alerts;
        this.budget = budget;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Decides once per revision: queues at once, then records the decision, so that a crash
     * between the two makes the redelivered report decide again and queue the same key (kept
     * once by the outbox); a revision already decided is left alone. An alert already waiting for
     * the digest keeps waiting: the digest shows its latest state.
     */
    Mono<StoredAlert> push(StoredAlert stored, Subscription subscription) {
        Alert alert = stored.alert();
        if (!subscription.isPushed() || stored.notifiedRevision() >= alert.revision()) {
            return Mono.just(stored);
        }
        Mono<Boolean> atOnce = stored.waitsForDigest() || subscription.cadence() == Cadence.DAILY
                ? Mono.just(false)
                : budget.tryTake(subscription.owner(), clock.instant(), properties.immediatePerHour());
        return atOnce.flatMap(now -> {
            meters.counter("civicspace.alert.notifications.decided", "outcome", now ? "immediate" : "digest")
                    .increment();
            Mono<Void> queued = now ? deliveries.enqueue(immediate(alert, subscription)) : Mono.empty();
            return queued.then(alerts.markNotified(alert.id(), alert.revision(), !now)).thenReturn(stored);
        });
    }

    /** One e-mail or webhook message about one revision of an alert. */
    Notification immediate(Alert alert, Subscription subscription) {
        String link = properties.linkBase() + "/alerts/" + alert.id();
        String subject = (alert.revision() > 1 ? "Update: " : "") + alert.country() + " ("
                + alert.urgency().wireName() + "): " + alert.headline();
        String text = alert.headline() + "\n\n" + facts(alert) + "\n\nRead it (sign in): " + link + "\n";
        String html = "<p>" + escape(alert.headline()) + "</p><p>" + escape(facts(alert))
                + "</p><p><a href=\"" + escape(link) + "\">Read it (sign in)</a></p>";
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "alert");
        payload.put("alertId", alert.id());
        payload.put("incidentId", alert.incidentId());
        payload.put("revision", alert.revision());
        payload.put("country", alert.country());
        payload.put("urgency", alert.urgency().wireName());
        payload.put("sensitivity", alert.sensitivity().wireName());
        payload.put("corroboration", alert.corroboration());
        payload.put("status", alert.status().wireName());
        payload.put("headline", alert.headline());
        payload.put("link", link);
        return notification("alert:" + alert.id() + ":" + alert.revision(), subscription, subject, text, html,
                payload);
    }

    /** The day's digest of one subscriber: every alert they did not get at once, as it now stands. */
    Notification digest(String subscriber, LocalDate day, List<Alert> held, Subscription via) {
        StringBuilder text = new StringBuilder("What you did not get at once on " + day + " (" + held.size()
                + (held.size() == 1 ? " alert" : " alerts") + "):\n\n");
        StringBuilder html = new StringBuilder("<p>What you did not get at once on " + day + ":</p><ul>");
        List<Map<String, Object>> items = held.stream().map(alert -> {
            String link = properties.linkBase() + "/alerts/" + alert.id();
            text.append("- ").append(alert.country()).append(" (").append(alert.urgency().wireName()).append("): ")
                    .append(alert.headline()).append(" — ").append(facts(alert)).append("\n  ").append(link)
                    .append('\n');
            html.append("<li><a href=\"").append(escape(link)).append("\">")
                    .append(escape(alert.country() + " (" + alert.urgency().wireName() + "): "
                            + alert.headline())).append("</a> — ").append(escape(facts(alert)))
                    .append("</li>");
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("alertId", alert.id());
            item.put("country", alert.country());
            item.put("urgency", alert.urgency().wireName());
            item.put("sensitivity", alert.sensitivity().wireName());
            item.put("corroboration", alert.corroboration());
            item.put("status", alert.status().wireName());
            item.put("headline", alert.headline());
            item.put("link", link);
            return item;
        }).toList();
        html.append("</ul>");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "digest");
        payload.put("day", day.toString());
        payload.put("alerts", items);
        return notification("digest:" + subscriber + ":" + day, via,
                "Your civicspace digest for " + day + ": " + held.size() + (held.size() == 1 ? " alert" : " alerts"),
                text.toString(), html.toString(), payload);
    }

    /** Text made safe to put in HTML. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String facts(Alert alert) {
        return alert.corroboration() + (alert.corroboration() == 1 ? " source" : " sources") + ", "
                + alert.status().wireName();
    }

    private static Notification notification(String key, Subscription subscription, String subject, String text,
            String html, Map<String, Object> payload) {
        boolean email = subscription.channel() == Channel.EMAIL;
        return new Notification(key, subscription.owner(), subscription.channel(),
                email ? subscription.email() : subscription.webhookUrl(),
                email ? null : subscription.webhookSecret(), subject, text, html, payload);
    }
}
