package org.civicspace.ingest.adapter.in.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.civicspace.ingest.application.ManageFeedsUseCase;
import org.civicspace.ingest.application.ManageFeedsUseCase.NewFeed;
import org.civicspace.ingest.application.PollFeedsUseCase;
import org.civicspace.ingest.domain.feed.Feed;
import org.civicspace.ingest.domain.feed.FeedHealth;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Administrators register feeds here and see how each one's polling is going. */
@RestController
@RequestMapping("/api/v1/feeds")
class FeedsController {

    static final int MAX_FEEDS = 10_000;

    private final ManageFeedsUseCase manageFeeds;
    private final PollFeedsUseCase pollFeeds;
    private final Validator validator;

    FeedsController(ManageFeedsUseCase manageFeeds, PollFeedsUseCase pollFeeds, Validator validator) {
        this.manageFeeds = manageFeeds;
        this.pollFeeds = pollFeeds;
        this.validator = validator;
    }

    /** 201 with the new feed, or 200 with the existing one when its address is already registered. */
    @PostMapping
    Mono<ResponseEntity<FeedView>> register(@Valid @RequestBody FeedRequest request) {
        NewFeed feed = request.toNewFeed();
        return manageFeeds.register(feed.url(), feed.title(), feed.language(), feed.country(), feed.pollInterval(),
                        feed.enabled())
                .map(registered -> ResponseEntity.status(registered.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(FeedView.of(registered.feed())));
    }

    /**
     * Many feeds in one request (a JSON array, up to {@value #MAX_FEEDS}): one look-up and one write
     * for all of them. Every entry gets its own answer — {@code created} or {@code exists} with the
     * feed, or {@code rejected} with its errors — and a bad entry never holds back the others.
     */
    @PostMapping("/batch")
    Mono<BatchResult> registerAll(@RequestBody List<FeedRequest> requests) {
        if (requests.isEmpty() || requests.size() > MAX_FEEDS) {
            HttpStatus status = requests.isEmpty() ? HttpStatus.BAD_REQUEST : HttpStatus.CONTENT_TOO_LARGE;
            return Mono.error(new ResponseStatusException(status, "A batch holds 1 to " + MAX_FEEDS
                    + " feeds; this one holds " + requests.size() + "."));
        }
        List<EntryResult> rejected = new ArrayList<>();
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            List<Map<String, String>> errors = violations(requests.get(i));
            if (errors.isEmpty()) {
                accepted.add(i);
            } else {
                rejected.add(new EntryResult(i, "rejected", null, errors));
            }
        }
        return manageFeeds.registerAll(accepted.stream().map(i -> requests.get(i).toNewFeed()).toList())
                .index()
                .map(registered -> new EntryResult(accepted.get(registered.getT1().intValue()),
                        registered.getT2().isNew() ? "created" : "exists", FeedView.of(registered.getT2().feed()),
                        List.of()))
                .collectList()
                .map(registered -> BatchResult.of(registered, rejected));
    }

    private List<Map<String, String>> violations(FeedRequest request) {
        return validator.validate(request).stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                .sorted(Comparator.comparing(error -> error.get("field")))
                .toList();
    }

    @GetMapping
    Flux<FeedView> feeds() {
        return manageFeeds.feeds().map(FeedView::of);
    }

    /** Polls the feed now and answers its health afterwards: what it brought, or why it failed. */
    @PostMapping("/{id}/poll")
    Mono<FeedView> pollNow(@PathVariable String id) {
        return pollFeeds.pollNow(id).map(FeedView::of).switchIfEmpty(Mono.error(FeedsController::notFound));
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> remove(@PathVariable String id) {
        return manageFeeds.remove(id).flatMap(removed -> removed ? Mono.just(ResponseEntity.noContent().<Void>build())
                : Mono.error(notFound()));
    }

    static ErrorResponseException notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no feed with this id.");
        problem.setTitle("Feed not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    record FeedRequest(
            @NotBlank @Size(max = 2_000) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http or https URL") String url,
            @Size(max = 300) String title,
            @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as en or ru") String language,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as KZ") String country,
            @Min(value = 5, message = "must be at least 5 minutes") @Max(value = 1440, message = "must be at most a day (1440)") Integer pollIntervalMinutes,
            Boolean enabled) {

        NewFeed toNewFeed() {
            return new NewFeed(URI.create(url.strip()), title, language, country,
                    Duration.ofMinutes(pollIntervalMinutes == null ? 30 : pollIntervalMinutes), enabled == null || enabled);
        }
    }

    /** The answer for one entry of a batch, by its position in the array (from 0). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record EntryResult(int index, String status, FeedView feed, List<Map<String, String>> errors) {
    }

    /** The answer for a batch: counts, then one result per entry in the order sent. */
    record BatchResult(int feeds, int created, int existing, int rejected, List<EntryResult> results) {

        static BatchResult of(List<EntryResult> registered, List<EntryResult> rejected) {
            List<EntryResult> all = new ArrayList<>(registered);
            all.addAll(rejected);
            all.sort(Comparator.comparingInt(EntryResult::index));
            return new BatchResult(all.size(), count(all, "created"), count(all, "exists"), rejected.size(), all);
        }

        private static int count(List<EntryResult> results, String status) {
            return (int) results.stream().filter(result -> result.status().equals(status)).count();
        }
    }

    /** A feed as administrators see it: its settings, and its health in plain words. */
    record FeedView(String id, String url, String title, String language, String country, long pollIntervalMinutes,
            boolean enabled, Instant registeredAt, String status, Instant lastAttempt, Instant lastSuccess,
            Integer lastHttpStatus, int consecutiveFailures, String lastError, long itemsSeen, Instant nextPollAt,
            List<String> warnings) {

        static FeedView of(Feed feed) {
            FeedHealth health = feed.health();
            return new FeedView(feed.id(), feed.url().toString(), feed.title(), feed.language(), feed.country(),
                    feed.pollInterval().toMinutes(), feed.enabled(), feed.registeredAt(), status(feed),
                    health.lastAttempt(), health.lastSuccess(), health.lastStatus(), health.consecutiveFailures(),
                    health.lastError(), health.itemsSeen(), health.nextPollAt(), health.warnings());
        }

        private static String status(Feed feed) {
            if (!feed.enabled()) {
                return "disabled";
            }
            if (feed.health().lastAttempt() == null) {
                return "not polled yet";
            }
            FeedHealth health = feed.health();
            if (health.consecutiveFailures() > 0) {
                return "failing (" + health.consecutiveFailures() + " in a row)";
            }
            return health.warnings().isEmpty() ? "ok" : "ok, with warnings";
        }
    }
}
