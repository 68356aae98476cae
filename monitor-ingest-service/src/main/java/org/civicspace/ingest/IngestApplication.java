package org.civicspace.ingest;

import java.time.Clock;
import java.util.Map;

import org.civicspace.ingest.application.DuplicatesProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Partner reports and media feeds in; {@code ReportReceived} out. */
@SpringBootApplication
@EnableConfigurationProperties({DuplicatesProperties.class, PollingProperties.class})
public class IngestApplication {

    /** The name of this service's configuration file, {@code monitor-ingest-service.yml}. */
    public static final String CONFIG_NAME = "monitor-ingest-service";

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * The application, reading its own configuration file: the services can share one class
     * path (see local-stack), so none of them may claim {@code application.yml}.
     */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(IngestApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
