package org.civicspace.export;

import java.time.Clock;
import java.util.Map;

import org.civicspace.export.update.UpdateProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** {@code ReportClassified} and {@code IncidentChanged} in; the archive, country pages and updates out, over HTTP. */
@SpringBootApplication
@EnableConfigurationProperties({ExportProperties.class, UpdateProperties.class})
public class ExportApplication {

    /** The name of this service's configuration file, {@code civicus-export-service.yml}. */
    public static final String CONFIG_NAME = "civicus-export-service";

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * The application, reading its own configuration file: the services can share one class
     * path (see local-stack), so none of them may claim {@code application.yml}.
     */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(ExportApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
