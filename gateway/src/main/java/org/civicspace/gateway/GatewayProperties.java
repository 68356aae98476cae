package org.civicspace.gateway;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's settings ({@code civicspace.gateway.*}); every key, its default and its environment
 * variable are in {@code gateway.yml} and the README.
 *
 * @param ingestUri where monitor-ingest listens
 * @param classificationUri where classification listens
 * @param alertUri where the alert service listens
 * @param exportUri where civicus-export listens
 * @param rolesClaim the path of the token claim that holds the caller's roles, dotted for nested
 *        claims: {@code roles} for our own tokens, {@code realm_access.roles} for Keycloak
 * @param rateLimits requests per caller
 * @param bodyLimits the largest request bodies
 * @param corsAllowedOrigins origins a browser may call the API from besides our own; none by default
 * @param contentSecurityPolicy the {@code Content-Security-Policy} of every response
 * @param signIn how the web UI signs people in at an OpenID Connect provider
 */
@ConfigurationProperties(prefix = "civicspace.gateway")
record GatewayProperties(URI ingestUri, URI classificationUri, URI alertUri, URI exportUri, String rolesClaim,
        RateLimits rateLimits, BodyLimits bodyLimits, List<String> corsAllowedOrigins,
        String contentSecurityPolicy, SignIn signIn) {

    GatewayProperties {
        Objects.requireNonNull(ingestUri, "civicspace.gateway.ingest-uri is required");
        Objects.requireNonNull(classificationUri, "civicspace.gateway.classification-uri is required");
        Objects.requireNonNull(alertUri, "civicspace.gateway.alert-uri is required");
        Objects.requireNonNull(exportUri, "civicspace.gateway.export-uri is required");
        if (rolesClaim == null || rolesClaim.isBlank()) {
            throw new IllegalArgumentException("civicspace.gateway.roles-claim must name a claim, e.g. roles");
        }
        Objects.requireNonNull(rateLimits, "civicspace.gateway.rate-limits is required");
        Objects.requireNonNull(bodyLimits, "civicspace.gateway.body-limits is required");
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of()
                : corsAllowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        Objects.requireNonNull(contentSecurityPolicy, "civicspace.gateway.content-security-policy is required");
        signIn = signIn == null ? new SignIn(null, null, null) : signIn;
    }

    /** The address of a service. */
    URI uriOf(PublicApi.Backend backend) {
        return switch (backend) {
            case INGEST -> ingestUri;
            case CLASSIFICATION -> classificationUri;
            case ALERT -> alertUri;
            case EXPORT -> exportUri;
        };
    }

    /**
     * Token buckets per caller (the token's subject).
     *
     * @param enabled off only for benchmarks that drive the API as hard as they can
     * @param perUser every API request of one caller
     * @param partnerSubmissions report submissions (one report or one batch each) of one partner, on top
     */
    record RateLimits(boolean enabled, Bucket perUser, Bucket partnerSubmissions) {

        RateLimits {
            Objects.requireNonNull(perUser, "civicspace.gateway.rate-limits.per-user is required");
            Objects.requireNonNull(partnerSubmissions, "civicspace.gateway.rate-limits.partner-submissions is required");
        }
    }

    /**
     * A token bucket: at most {@code capacity} requests at once, refilled at {@code perMinute}.
     *
     * @param capacity the burst a caller may send after a quiet spell
     * @param perMinute the sustained rate
     */
    record Bucket(int capacity, int perMinute) {

        Bucket {
            if (capacity < 1 || perMinute < 1) {
                throw new IllegalArgumentException("a rate limit needs a capacity and a per-minute rate of at least 1");
            }
        }
    }

    /**
     * The largest request body per kind of operation.
     *
     * @param json one JSON document (a report, a feed, a subscription, an update)
     * @param reportBatch {@code POST /api/v1/reports/batch}, NDJSON or CSV (ingest takes up to 64 MiB)
     * @param feedBatch {@code POST /api/v1/feeds/batch} (ingest takes up to 8 MiB)
     */
    record BodyLimits(DataSize json, DataSize reportBatch, DataSize feedBatch) {

        BodyLimits {
            Objects.requireNonNull(json, "civicspace.gateway.body-limits.json is required");
            Objects.requireNonNull(reportBatch, "civicspace.gateway.body-limits.report-batch is required");
            Objects.requireNonNull(feedBatch, "civicspace.gateway.body-limits.feed-batch is required");
        }

        long bytesFor(PublicApi.BodyLimit kind) {
            return switch (kind) {
                case JSON -> json.toBytes();
                case REPORT_BATCH -> reportBatch.toBytes();
                case FEED_BATCH -> feedBatch.toBytes();
            };
        }
    }

    /**
     * The web UI's sign-in at an OpenID Connect provider (authorization code with PKCE, a public client).
     *
     * @param clientId the client registered at the provider for the UI; none: the UI asks for a pasted token
     * @param scope the scopes asked for
     * @param discoveryUri where the gateway reads the provider's discovery document, when not at the issuer
     *        (a container that reaches the provider by another name than people do)
     */
    record SignIn(String clientId, String scope, URI discoveryUri) {

        SignIn {
            clientId = clientId == null ? "" : clientId.strip();
            scope = scope == null || scope.isBlank() ? "openid" : scope.strip();
            discoveryUri = discoveryUri == null || discoveryUri.toString().isBlank() ? null : discoveryUri;
        }

        boolean enabled() {
            return !clientId.isEmpty();
        }
    }
}
