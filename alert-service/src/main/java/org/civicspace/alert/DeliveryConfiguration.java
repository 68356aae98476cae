package org.civicspace.alert;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Turns on the settings of e-mail and webhook delivery through the outbox. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DeliveryProperties.class, WebhookProperties.class})
class DeliveryConfiguration {
}
