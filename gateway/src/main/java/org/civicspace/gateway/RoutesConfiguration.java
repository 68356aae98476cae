package org.civicspace.gateway;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One route per operation of {@link PublicApi}, to the service that answers it; the path is passed on as it came. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class RoutesConfiguration {

    @Bean
    RouteLocator publicApiRoutes(RouteLocatorBuilder builder, GatewayProperties gateway) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        PublicApi.OPERATIONS.forEach(operation -> routes.route(operation.id(), route -> route
                .method(operation.method()).and().path(operation.path())
                .uri(gateway.uriOf(operation.backend()))));
        return routes.build();
    }
}
