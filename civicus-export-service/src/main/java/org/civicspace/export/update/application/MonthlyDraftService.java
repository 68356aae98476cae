package org.civicspace.export.update.application;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.civicspace.export.domain.CountryCodes;
import org.civicspace.export.update.UpdateProperties;
import org.civicspace.export.update.domain.UpdateConflictException;
import org.civicspace.export.update.domain.UpdateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * At the end of each month, a draft for each watched country, and a word to its editors. A month
 * is compiled once: its drafts have ids that follow from country and period, so a second run (a
 * restart, a second instance) finds them and neither compiles nor mails again.
 */
@Service
public class MonthlyDraftService {

    /** Who a scheduled draft is by, in its {@code editedBy}. */
    public static final String SCHEDULE = "schedule";

    private static final Logger log = LoggerFactory.getLogger(MonthlyDraftService.class);

    private final UpdateService updates;
    private final EditorNotifier editors;
    private final UpdateProperties properties;
    private final Clock clock;

    MonthlyDraftService(UpdateService updates, EditorNotifier editors, UpdateProperties properties, Clock clock) {
        this.updates = updates;
        this.editors = editors;
        this.properties = properties;
        this.clock = clock;
    }

    /** The drafts of the month before the clock's (UTC); answers how many were new. */
    public Mono<Long> compileLastMonth() {
        return compile(YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1));
    }

    /** The drafts of {@code month} for every watched country; one country's failure does not stop the others. */
    public Mono<Long> compile(YearMonth month) {
        return Flux.fromIterable(properties.monthly().countries())
                .concatMap(country -> compile(country, month))
                .count();
    }

    private Mono<String> compile(String country, YearMonth month) {
        String code = CountryCodes.normalise(country);
        if (!CountryCodes.isCountry(code)) {
            log.warn("Watched country '{}' is not an ISO 3166-1 alpha-2 code; no monthly draft", country);
            return Mono.empty();
        }
        UpdateRequest request = new UpdateRequest(code, month.atDay(1), month.atEndOfMonth(), false);
        return updates.compileScheduled(request, SCHEDULE)
                .flatMap(draft -> editors.draftReady(draft.document())
                        .onErrorResume(failed -> {
                            log.warn("Draft {} of {} {}: its editors could not be told ({})", draft.id(), code, month,
                                    failed.getClass().getSimpleName());
                            return Mono.empty();
                        })
                        .thenReturn(draft.id()))
                .onErrorResume(UpdateConflictException.class, compiledBefore -> {
                    log.info("Monthly draft of {} {} exists already", code, month);
                    return Mono.empty();
                })
                .onErrorResume(failed -> {
                    log.warn("Monthly draft of {} {} failed: {}", code, month, failed.getClass().getSimpleName());
                    return Mono.empty();
                });
    }
}
