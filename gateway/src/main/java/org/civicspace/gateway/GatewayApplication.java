package org.civicspace.gateway;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The one door: authenticates every request, checks its role, and routes it to its service. */
@SpringBootApplication
public class GatewayApplication {

    /** The name of this service's configuration file, {@code gateway.yml}. */
    public static final String CONFIG_NAME = "gateway";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application, reading its own configuration file (the services may share a class path). */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
