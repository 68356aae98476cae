package org.civicspace.alert.adapter.out.mail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import org.civicspace.alert.DeliveryProperties;
import org.civicspace.alert.application.Notification;
import org.civicspace.alert.application.delivery.ChannelSender;
import org.civicspace.alert.application.delivery.SendOutcome;
import org.civicspace.alert.domain.Channel;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a notification as one e-mail through the SMTP server of {@code spring.mail.*}: plain text
 * and HTML as alternatives of one message, {@code From} as configured. Its {@code Message-ID} is
 * derived from the idempotency key, the same for every attempt, so that a repeat after a crash can
 * be recognised as one by the receiving side.
 */
@Component
public class SmtpEmailSender implements ChannelSender {

    private final JavaMailSender mail;
    private final InternetAddress from;

    public SmtpEmailSender(JavaMailSender mail, DeliveryProperties properties) {
        this.mail = mail;
        try {
            this.from = new InternetAddress(properties.email().from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("civicspace.alert.delivery.email.from is not an e-mail address", e);
        }
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String target(Notification notification) {
        String address = notification.address() == null ? "" : notification.address();
        return address.contains("@") ? address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT) : "?";
    }

    /** {@code <key in base64url@the From domain>}: unique per key, and the key can be read back from it. */
    String messageId(Notification notification) {
        String key = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(notification.idempotencyKey().getBytes(StandardCharsets.UTF_8));
        String address = from.getAddress();
        return "<" + key + "@" + address.substring(address.lastIndexOf('@') + 1) + ">";
    }

    @Override
    public Mono<SendOutcome> send(Notification notification) {
        if (notification.address() == null || notification.address().isBlank()) {
            return Mono.just(SendOutcome.permanent("the recipient has no e-mail address"));
        }
        // JavaMail blocks on the socket, so the send runs off the event loop
        return Mono.fromCallable(() -> {
                    mail.send(message(notification));
                    return SendOutcome.sent();
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(MailException.class, failed -> Mono.just(outcomeOf(failed)));
    }

    private MimeMessage message(Notification n) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, n.html() != null, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(new InternetAddress(n.address(), true));
            helper.setSubject(n.subject() == null ? "" : n.subject());
            String text = n.text() == null ? "" : n.text();
            if (n.html() != null) {
                helper.setText(text, n.html());
            } else {
                helper.setText(text);
            }
            // JavaMailSenderImpl keeps a Message-ID that was set before sending
            message.setHeader("Message-ID", messageId(n));
            return message;
        } catch (AddressException e) {
            throw new MailParseException("the recipient's e-mail address is not valid", e);
        } catch (MessagingException e) {
            throw new MailPreparationException("the e-mail could not be put together", e);
        }
    }

    /** Plain words only: a mail exception's own message may quote the server, which may quote the message. */
    private static SendOutcome outcomeOf(MailException failed) {
        if (failed instanceof MailParseException || failed instanceof MailPreparationException) {
            return SendOutcome.permanent("the e-mail could not be built: " + failed.getMessage());
        }
        if (failed instanceof MailAuthenticationException) {
            return SendOutcome.retryable("the SMTP server did not accept our credentials");
        }
        return SendOutcome.retryable("the SMTP server did not take the e-mail ("
                + rootCause(failed).getClass().getSimpleName() + ")");
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
