package org.civicspace.classification;

import java.time.Clock;
import java.util.Map;

import org.civicspace.classification.domain.Classifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Tags every report by country, freedom, violation and urgency, each tag with its evidence. */
@SpringBootApplication
public class ClassificationApplication {

    /** The name of this service's configuration file, {@code classification-service.yml}. */
    public static final String CONFIG_NAME = "classification-service";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application, reading its own configuration file (the services may share a class path). */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(ClassificationApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }

    @Bean
    Classifier classifier() {
        return Classifier.fromClasspath();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
