package org.civicspace.alert.application.delivery;

import org.civicspace.alert.application.Notification;
import org.civicspace.alert.domain.Channel;

import reactor.core.publisher.Mono;

/**
 * Sends one notification on one channel, once. Answers what happened, in plain words fit for an
 * operator; never fails the Mono for a delivery problem, and never logs the notification's content.
 */
public interface ChannelSender {

    Channel channel();

    Mono<SendOutcome> send(Notification notification);

    /** The host a notification goes to, for logs and metrics: a webhook's host or an e-mail's domain. */
    String target(Notification notification);
}
