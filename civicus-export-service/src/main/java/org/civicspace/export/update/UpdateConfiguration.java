package org.civicspace.export.update;

import org.civicspace.export.update.domain.Pseudonyms;
import org.civicspace.export.update.domain.UpdateCompiler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The plain-Java parts of updates, made from the settings; and the clock-driven monthly drafts. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class UpdateConfiguration {

    @Bean
    UpdateCompiler updateCompiler(UpdateProperties properties) {
        return new UpdateCompiler(new Pseudonyms(properties.pseudonymSecret()), properties.publishers());
    }
}
