package org.civicspace.gateway;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * How the web UI signs people in, public like the UI itself.
 * <ul>
 * <li>{@code GET /api/v1/sign-in}: where the roles are in a token ({@code rolesClaim}) and, when an
 * OpenID Connect provider and a client are configured, the provider's endpoints from its discovery
 * document ({@code provider}); without them the UI asks for a pasted token. A provider that cannot be
 * reached: 503, the roles claim still in the problem.</li>
 * <li>{@code POST /api/v1/sign-in/token}: the UI's code exchange (authorization code with PKCE) and
 * token refresh, passed on to the provider's token endpoint with our client id. Through us, so the
 * browser talks to no origin but ours and the Content-Security-Policy stays {@code connect-src 'self'}.</li>
 * </ul>
 * The discovery document is read when it is first needed and kept for an hour; a failed read is tried
 * again on the next request. Tokens pass through and are never logged.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SignInConfiguration.class);
    private static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REREAD_DISCOVERY = Duration.ofHours(1);
    private static final Set<String> GRANTS = Set.of("authorization_code", "refresh_token");
    private static final List<String> TOKEN_FIELDS = List.of("access_token", "token_type", "expires_in", "refresh_token",
            "refresh_expires_in", "id_token", "scope");

    @Bean
    RouterFunction<ServerResponse> signIn(GatewayProperties gateway, OAuth2ResourceServerProperties resourceServer) {
        Provider provider = new Provider(gateway.signIn(), resourceServer.getJwt().getIssuerUri(), WebClient.create());
        return RouterFunctions.route(GET("/api/v1/sign-in"), request -> provider.description()
                        .map(described -> Map.<String, Object>of("rolesClaim", gateway.rolesClaim(), "provider", described))
                        .defaultIfEmpty(Map.of("rolesClaim", gateway.rolesClaim()))
                        .flatMap(body -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                        .onErrorResume(ProviderUnreachable.class, unreachable -> {
                            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                                    "The sign-in provider cannot be reached; try again shortly, or paste a token.");
                            problem.setProperty("rolesClaim", gateway.rolesClaim());
                            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(problem);
                        }))
                .andRoute(POST("/api/v1/sign-in/token"), provider::exchange);
    }

    private static Mono<ServerResponse> problem(HttpStatus status, String detail) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(ProblemDetail.forStatusAndDetail(status, detail));
    }

    private static final class ProviderUnreachable extends RuntimeException {
        ProviderUnreachable(Throwable cause) {
            super(cause.getClass().getSimpleName(), cause, false, false);
        }
    }

    /** The configured provider, or none: then every method answers empty or 404. */
    private static final class Provider {

        private final GatewayProperties.SignIn settings;
        private final WebClient client;
        private final Mono<Map<String, Object>> discovery;

        Provider(GatewayProperties.SignIn settings, String issuer, WebClient client) {
            this.settings = settings;
            this.client = client;
            URI document = settings.discoveryUri() != null ? settings.discoveryUri()
                    : StringUtils.hasText(issuer)
                            ? URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration") : null;
            this.discovery = !settings.enabled() || document == null ? Mono.empty()
                    : client.get().uri(document).retrieve().bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                            .timeout(PROVIDER_TIMEOUT)
                            .onErrorMap(failure -> {
                                log.warn("Cannot read the sign-in provider's discovery document at {}: {}", document,
                                        failure.toString());
                                return new ProviderUnreachable(failure);
                            })
                            .cache(found -> REREAD_DISCOVERY, failure -> Duration.ZERO, () -> Duration.ZERO);
        }

        /** What the UI needs to send people to the provider and back. */
        Mono<Map<String, Object>> description() {
            return discovery.map(found -> {
                Map<String, Object> described = new LinkedHashMap<>();
                described.put("issuer", found.get("issuer"));
                described.put("authorizationEndpoint", found.get("authorization_endpoint"));
                described.put("endSessionEndpoint", found.get("end_session_endpoint"));
                described.put("clientId", settings.clientId());
                described.put("scope", settings.scope());
                described.values().removeIf(value -> value == null);
                return described;
            });
        }

        Mono<ServerResponse> exchange(ServerRequest request) {
            if (!settings.enabled()) {
                return problem(HttpStatus.NOT_FOUND, "No sign-in provider is configured here; paste a token instead.");
            }
            return request.formData().flatMap(form -> {
                String grant = form.getFirst("grant_type");
                List<String> needed = "authorization_code".equals(grant) ? List.of("code", "code_verifier", "redirect_uri")
                        : List.of("refresh_token");
                if (!GRANTS.contains(grant) || needed.stream().anyMatch(name -> !StringUtils.hasText(form.getFirst(name)))) {
                    return problem(HttpStatus.BAD_REQUEST, "Send grant_type authorization_code with code, code_verifier and"
                            + " redirect_uri, or grant_type refresh_token with refresh_token, as a form.");
                }
                MultiValueMap<String, String> sent = new LinkedMultiValueMap<>();
                sent.add("grant_type", grant);
                sent.add("client_id", settings.clientId());
                needed.forEach(name -> sent.add(name, form.getFirst(name)));
                return discovery.flatMap(found -> client.post().uri(String.valueOf(found.get("token_endpoint")))
                                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.APPLICATION_JSON)
                                .body(BodyInserters.fromFormData(sent)).retrieve()
                                .bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                                .timeout(PROVIDER_TIMEOUT))
                        .flatMap(tokens -> {
                            Map<String, Object> passed = new LinkedHashMap<>();
                            TOKEN_FIELDS.stream().filter(tokens::containsKey).forEach(name -> passed.put(name, tokens.get(name)));
                            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(passed);
                        })
                        .onErrorResume(WebClientResponseException.class, refused -> refused.getStatusCode().is4xxClientError()
                                ? problem(HttpStatus.BAD_REQUEST, "The sign-in provider refused the code or the refresh"
                                        + " token (it may have expired or been used already); sign in again.")
                                : problem(HttpStatus.BAD_GATEWAY, "The sign-in provider failed; try again shortly."))
                        .onErrorResume(failure -> !(failure instanceof WebClientResponseException), failure -> problem(
                                HttpStatus.SERVICE_UNAVAILABLE, "The sign-in provider cannot be reached; try again shortly."));
            });
        }
    }
}
