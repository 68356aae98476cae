package org.civicspace.gateway;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The public API, one entry per operation: which service answers it, which roles may call it, and
 * how big its body may be. The routes, the role checks, the body limits and the rate limits are all
 * read from here, so they cannot drift apart; the OpenAPI document is tested against it.
 * It is DESIGN.md's API table plus what the services' READMEs added to it: editors and partners read
 * the archive (partners only their own reports); advocacy staff read alerts and deliveries; and the
 * country page, feed batches, delivery retries, and the update list, versions and review step are
 * operations of their own. Admin may do everything.
 */
final class PublicApi {

    /** The service behind an operation. */
    enum Backend { INGEST, CLASSIFICATION, ALERT, EXPORT }

    /** How large a request body may be; the sizes are configuration ({@code civicspace.gateway.body-limits}). */
    enum BodyLimit { JSON, REPORT_BATCH, FEED_BATCH }

    static final String ADMIN = "admin";

    /** One operation of the API: {@code path} is a template such as {@code /api/v1/reports/{id}}. */
    record Operation(HttpMethod method, String path, Backend backend, Set<String> roles, BodyLimit bodyLimit,
            boolean partnerSubmission) {

        /** The roles let through, admin included. */
        Set<String> rolesWithAdmin() {
            return Stream.concat(roles.stream(), Stream.of(ADMIN)).collect(Collectors.toUnmodifiableSet());
        }

        /** The route's id in Spring Cloud Gateway, e.g. {@code GET /api/v1/reports/{id}}. */
        String id() {
            return method.name() + " " + path;
        }
    }

    static final List<Operation> OPERATIONS = List.of(
            submission("/api/v1/reports", BodyLimit.JSON),
            submission("/api/v1/reports/batch", BodyLimit.REPORT_BATCH),
            operation(GET, "/api/v1/reports", Backend.EXPORT, "analyst", "editor", "partner"),
            operation(GET, "/api/v1/reports/{id}", Backend.EXPORT, "analyst", "editor", "partner"),

            operation(GET, "/api/v1/feeds", Backend.INGEST, ADMIN),
            operation(POST, "/api/v1/feeds", Backend.INGEST, ADMIN),
            new Operation(POST, "/api/v1/feeds/batch", Backend.INGEST, Set.of(ADMIN), BodyLimit.FEED_BATCH, false),
            operation(DELETE, "/api/v1/feeds/{id}", Backend.INGEST, ADMIN),
            operation(POST, "/api/v1/feeds/{id}/poll", Backend.INGEST, ADMIN),

            operation(POST, "/api/v1/classify", Backend.CLASSIFICATION, "analyst"),

            operation(GET, "/api/v1/subscriptions", Backend.ALERT, "analyst", "advocacy"),
            operation(POST, "/api/v1/subscriptions", Backend.ALERT, "analyst", "advocacy"),
            operation(DELETE, "/api/v1/subscriptions/{id}", Backend.ALERT, "analyst", "advocacy"),
            operation(GET, "/api/v1/alerts", Backend.ALERT, "analyst", "advocacy"),
            operation(GET, "/api/v1/alerts/stream", Backend.ALERT, "analyst", "advocacy"),
            operation(GET, "/api/v1/deliveries", Backend.ALERT, "analyst", "advocacy"),
            operation(POST, "/api/v1/deliveries/{id}/retry", Backend.ALERT, ADMIN),
            operation(GET, "/api/v1/urgent-actions", Backend.ALERT, "advocacy"),
            operation(POST, "/api/v1/urgent-actions/{id}/ack", Backend.ALERT, "advocacy"),

            operation(GET, "/api/v1/countries/{cc}", Backend.EXPORT, "analyst", "editor"),
            operation(GET, "/api/v1/countries/{cc}/rating", Backend.EXPORT, "analyst", "editor"),
            operation(PUT, "/api/v1/countries/{cc}/rating", Backend.EXPORT, "editor"),
            operation(POST, "/api/v1/updates", Backend.EXPORT, "editor"),
            operation(GET, "/api/v1/updates", Backend.EXPORT, "editor"),
            operation(GET, "/api/v1/updates/{id}", Backend.EXPORT, "editor"),
            operation(PATCH, "/api/v1/updates/{id}", Backend.EXPORT, "editor"),
            operation(GET, "/api/v1/updates/{id}/versions", Backend.EXPORT, "editor"),
            operation(GET, "/api/v1/updates/{id}/versions/{number}", Backend.EXPORT, "editor"),
            operation(POST, "/api/v1/updates/{id}/review", Backend.EXPORT, "editor"),
            operation(POST, "/api/v1/updates/{id}/publish", Backend.EXPORT, "editor"),
            operation(GET, "/api/v1/updates/{id}/export", Backend.EXPORT, "editor"));

    private static final Map<Operation, PathPattern> PATTERNS = OPERATIONS.stream()
            .collect(Collectors.toUnmodifiableMap(operation -> operation, operation -> PathPatternParser.defaultInstance
                    .parse(operation.path())));

    private PublicApi() {
    }

    /** The operation a request asks for, if it is one of ours. */
    static Optional<Operation> operationFor(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        return OPERATIONS.stream()
                .filter(operation -> operation.method().equals(request.getMethod())
                        && PATTERNS.get(operation).matches(path))
                .findFirst();
    }

    private static Operation operation(HttpMethod method, String path, Backend backend, String... roles) {
        return new Operation(method, path, backend, Set.of(roles), BodyLimit.JSON, false);
    }

    /** A partner submitting reports: rate-limited more strictly than anything else. */
    private static Operation submission(String path, BodyLimit bodyLimit) {
        return new Operation(POST, path, Backend.INGEST, Set.of("partner"), bodyLimit, true);
    }
}
