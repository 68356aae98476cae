package org.civicspace.ingest.adapter.out.http;

import org.civicspace.ingest.application.FeedFetcher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/** The feed fetcher, configured by {@code civicspace.ingest.fetch.*}, guarded per host. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({FetchProperties.class, HostGuardProperties.class})
class FetchConfiguration {

    @Bean
    FeedFetcher feedFetcher(FetchProperties properties, HostGuardProperties guard, MeterRegistry meters) {
        return new GuardedFeedFetcher(new SafeFeedFetcher(properties, HostLookup.SYSTEM), guard, meters);
    }
}
