package org.civicspace.alert;

import org.civicspace.alert.domain.incident.Pseudonyms;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The settings of incidents, notifications and urgent actions, and the keyed hash behind pseudonyms. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IncidentProperties.class, NotifyProperties.class, UrgentProperties.class})
class IncidentsConfiguration {

    @Bean
    Pseudonyms pseudonyms(IncidentProperties properties) {
        return new Pseudonyms(properties.pseudonymSecret());
    }
}
