package org.civicspace.ingest.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.civicspace.ingest.IngestApplication;
import org.civicspace.ingest.application.FeedFetcher;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class FetchPropertiesTest {

    private static final FetchProperties DEFAULTS = new FetchProperties(List.of(), 5, Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), DataSize.ofMegabytes(5), DataSize.ofMegabytes(20),
            "civicspace-ingest/0.1 (feed reader)");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(FetchConfiguration.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void theServiceConfigurationFileGivesTheDocumentedDefaults() {
        context.withInitializer(new ConfigDataApplicationContextInitializer())
                .withPropertyValues("spring.config.name=" + IngestApplication.CONFIG_NAME)
                .run(context -> {
                    assertThat(context.getBean(FetchProperties.class)).isEqualTo(DEFAULTS);
                    assertThat(context).hasSingleBean(FeedFetcher.class);
                });
    }

    @Test
    void withoutAnyConfigurationTheDefaultsAreTheSame() {
        context.run(context -> assertThat(context.getBean(FetchProperties.class)).isEqualTo(DEFAULTS));
    }

    @Test
    void takesACommaSeparatedAllowList() {
        context.withPropertyValues("civicspace.ingest.fetch.allow-private-hosts=127.0.0.1, feeds.local")
                .run(context -> assertThat(context.getBean(FetchProperties.class).allowPrivateHosts())
                        .containsExactly("127.0.0.1", "feeds.local"));
    }

    @Test
    void refusesToStartWithANegativeRedirectLimit() {
        context.withPropertyValues("civicspace.ingest.fetch.max-redirects=-1")
                .run(context -> assertThat(context).hasFailed());
    }
}
