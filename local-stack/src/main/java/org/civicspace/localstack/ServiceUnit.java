package org.civicspace.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.civicspace.alert.AlertApplication;
import org.civicspace.classification.ClassificationApplication;
import org.civicspace.export.ExportApplication;
import org.civicspace.gateway.GatewayApplication;
import org.civicspace.ingest.IngestApplication;
import org.springframework.boot.SpringApplication;

/**
 * One service of the system as the local stack runs it: in this JVM, on its own port, with its
 * own Spring context. All services share one class path here, so each is told which
 * auto-configurations belong to the others ({@code foreign}) and must stay off.
 */
record ServiceUnit(String name, Supplier<SpringApplication> application, int defaultPort, String mongoDatabase,
        List<String> foreign) {

    private static final List<String> MONGO = List.of(
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveRepositoriesAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration");

    private static final List<String> MESSAGING = List.of(
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
            "org.springframework.cloud.stream.config.BindersHealthIndicatorAutoConfiguration",
            "org.springframework.cloud.stream.config.ChannelsEndpointAutoConfiguration",
            "org.springframework.cloud.stream.config.BindingsEndpointAutoConfiguration",
            "org.springframework.cloud.stream.config.BindingServiceConfiguration",
            "org.springframework.cloud.stream.function.FunctionConfiguration",
            "org.springframework.cloud.stream.binder.kafka.config.ExtendedBindingHandlerMappingsProviderConfiguration",
            "org.springframework.cloud.stream.binder.kafka.config.MessageConverterHelperConfiguration",
            "org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration",
            "org.springframework.cloud.function.context.config.FunctionsEndpointAutoConfiguration",
            "org.springframework.cloud.function.cloudevent.CloudEventsFunctionExtensionConfiguration",
            "org.springframework.cloud.function.observability.ObservationAutoConfiguration");

    /** The services in the order they start: consumers first, the gateway (the door) last. */
    static List<ServiceUnit> all() {
        return List.of(
                new ServiceUnit("classification-service", ClassificationApplication::application, 8082, null, MONGO),
                new ServiceUnit("civicus-export-service", ExportApplication::application, 8084, "civicspace-export",
                        List.of()),
                new ServiceUnit("alert-service", AlertApplication::application, 8083, "civicspace-alert", List.of()),
                new ServiceUnit("monitor-ingest-service", IngestApplication::application, 8081, "civicspace-ingest",
                        List.of()),
                new ServiceUnit("gateway", GatewayApplication::application, 8080, null,
                        Stream.concat(MONGO.stream(), MESSAGING.stream()).toList()));
    }

    /** Command-line arguments (the highest-precedence property source) that place this service in the stack. */
    List<String> arguments(int port, Map<String, String> shared) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--server.address=127.0.0.1");
        args.add("--spring.main.banner-mode=off");
        // the stack closes every context itself, in order, before it stops the broker
        args.add("--spring.main.register-shutdown-hook=false");
        // an open alert stream must not hold up Ctrl-C for the default 30 s of graceful shutdown
        args.add("--spring.lifecycle.timeout-per-shutdown-phase=2s");
        if (!name.equals("gateway")) {
            args.add("--spring.cloud.gateway.server.webflux.enabled=false");
        }
        if (!foreign.isEmpty()) {
            args.add("--spring.autoconfigure.exclude=" + String.join(",", foreign));
        }
        shared.forEach((key, value) -> args.add("--" + key + "=" + value));
        return args;
    }
}
