package org.civicspace.export.update.adapter;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.civicspace.export.update.UpdateProperties;
import org.civicspace.export.update.application.EditorNotifier;
import org.civicspace.export.update.domain.UpdateDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * E-mails a country's editors ({@code civicspace.export.updates.monthly.editors.<CC>}) that its
 * draft is ready: country, period and a link, nothing of the draft itself — an e-mail leaves the
 * system, a draft's content stays behind the login.
 */
@Component
class MailEditorNotifier implements EditorNotifier {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final Logger log = LoggerFactory.getLogger(MailEditorNotifier.class);

    private final JavaMailSender mail;
    private final UpdateProperties properties;

    MailEditorNotifier(JavaMailSender mail, UpdateProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public Mono<Void> draftReady(UpdateDocument draft) {
        List<String> editors = properties.monthly().editors().getOrDefault(draft.country(), List.of());
        if (editors.isEmpty()) {
            log.info("Draft {} of {}: no editors configured to tell", draft.id(), draft.country());
            return Mono.empty();
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.monthly().mailFrom());
        message.setTo(editors.toArray(String[]::new));
        message.setSubject("Draft update ready: " + draft.countryName() + ", " + DAY.format(draft.from()) + " to "
                + DAY.format(draft.to()));
        message.setText("A draft country update is ready for review.\n\n"
                + "Country: " + draft.countryName() + " (" + draft.country() + ")\n"
                + "Period: " + DAY.format(draft.from()) + " to " + DAY.format(draft.to()) + "\n"
                + "Open it (sign-in needed): " + properties.monthly().link() + draft.id() + "\n\n"
                + "This message carries no report content by design.\n");
        // JavaMailSender blocks on the SMTP conversation: off the event loop
        return Mono.fromRunnable(() -> mail.send(message)).subscribeOn(Schedulers.boundedElastic())
                .doOnSuccess(sent -> log.info("Draft {} of {}: {} editor(s) told", draft.id(), draft.country(),
                        editors.size()))
                .then();
    }
}
