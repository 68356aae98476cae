package org.civicspace.alert;

import java.time.Clock;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Subscriptions in, {@code ReportClassified} in; alerts out as {@code AlertRaised} and live SSE streams. */
@SpringBootApplication
@EnableConfigurationProperties(AlertProperties.class)
public class AlertApplication {

    /** The name of this service's configuration file, {@code alert-service.yml}. */
    public static final String CONFIG_NAME = "alert-service";

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * The application, reading its own configuration file: the services can share one class
     * path (see local-stack), so none of them may claim {@code application.yml}.
     */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(AlertApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
