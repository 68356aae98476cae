package org.civicspace.ingest.adapter.out.http;

import org.civicspace.ingest.application.FeedFetcher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The feed fetcher, configured by {@code civicspace.ingest.fetch.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FetchProperties.class)
class FetchConfiguration {

    @Bean
    FeedFetcher feedFetcher(FetchProperties properties) {
        return new SafeFeedFetcher(properties, HostLookup.SYSTEM);
    }
}
