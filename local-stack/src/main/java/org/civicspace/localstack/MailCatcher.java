package org.civicspace.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server on 127.0.0.1 that catches the stack's e-mail on this machine — alerts, urgent
 * actions, digests — and writes each message to {@code DATA/mail/NNNNNN.eml}, which any mail
 * program opens. Nothing leaves the machine. The messages also stay in memory until the stack
 * stops: a catcher for a developer's or a demo's volume, not for production.
 */
final class MailCatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final Path folder;
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "civicspace-mail-catcher");
        thread.setDaemon(true);
        return thread;
    });
    /** Messages of this run already written, and the number of the last file in the folder. */
    private int handled;
    private int saved;

    MailCatcher(Path folder) {
        this.folder = folder;
    }

    void start() throws IOException {
        Files.createDirectories(folder);
        saved = lastSaved();
        smtp.start();
        saver.scheduleWithFixedDelay(this::saveNew, 500, 500, TimeUnit.MILLISECONDS);
    }

    int port() {
        return smtp.getSmtp().getPort();
    }

    /** Writes the messages received since the last call, each to the next numbered file. */
    synchronized void saveNew() {
        MimeMessage[] received = smtp.getReceivedMessages();
        for (; handled < received.length; handled++) {
            Path file = folder.resolve("%06d.eml".formatted(++saved));
            try (OutputStream out = Files.newOutputStream(file)) {
                received[handled].writeTo(out);
            } catch (IOException | MessagingException e) {
                log.warn("could not save a caught e-mail to {}: {}", file, e.getClass().getSimpleName());
                continue;
            }
            log.info("e-mail caught: {}", file.getFileName());
        }
    }

    /** The number of the last {@code NNNNNN.eml} in the folder, so that a restart never overwrites one. */
    private int lastSaved() throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("\\d{6}\\.eml"))
                    .mapToInt(name -> Integer.parseInt(name.substring(0, 6)))
                    .max().orElse(0);
        }
    }

    @Override
    public void close() {
        saver.shutdownNow();
        try {
            saveNew();
        } catch (RuntimeException e) {
            log.debug("last e-mails not saved", e);
        }
        smtp.stop();
    }
}
