package org.civicspace.gateway;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * The API documents, public: the OpenAPI 3.1 document of the whole public API (YAML) at
 * {@code /api/v1/docs} and {@code /api/v1/docs/openapi.yaml}, and beside it the AsyncAPI document of
 * the topics and its JSON Schemas, as the civic-events jar carries them.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");
    static final Resource OPENAPI = new ClassPathResource("api-docs/openapi.yaml");

    @Bean
    RouterFunction<ServerResponse> apiDocs() {
        Resource asyncApi = new ClassPathResource("asyncapi.yaml");
        return RouterFunctions.route(GET("/api/v1/docs"), request -> yaml(OPENAPI))
                .andRoute(GET("/api/v1/docs/openapi.yaml"), request -> yaml(OPENAPI))
                .andRoute(GET("/api/v1/docs/asyncapi.yaml"), request -> yaml(asyncApi))
                .and(RouterFunctions.resources("/api/v1/docs/schemas/**", new ClassPathResource("schemas/")));
    }

    private static Mono<ServerResponse> yaml(Resource document) {
        return ServerResponse.ok().contentType(YAML).bodyValue(document);
    }
}
