package org.civicspace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

class MailCatcherTest {

    @TempDir
    Path data;

    @Test
    void writesEachMessageItCatchesToANumberedFileAndGoesOnNumberingAfterARestart() throws Exception {
        Path folder = data.resolve("mail");
        try (MailCatcher catcher = new MailCatcher(folder)) {
            catcher.start();
            send(catcher.port(), "Urgent action ua-1");
            send(catcher.port(), "Daily digest");
            catcher.saveNew();
        }
        try (MailCatcher catcher = new MailCatcher(folder)) {
            catcher.start();
            send(catcher.port(), "Another alert");
            catcher.saveNew();
        }

        List<Path> files;
        try (var listed = Files.list(folder)) {
            files = listed.sorted().toList();
        }
        assertThat(files).extracting(file -> file.getFileName().toString())
                .containsExactly("000001.eml", "000002.eml", "000003.eml");
        assertThat(Files.readString(files.get(0))).contains("Subject: Urgent action ua-1", "To: duty@civicspace.localhost");
        assertThat(Files.readString(files.get(2))).contains("Subject: Another alert");
    }

    static void send(int port, String subject) throws Exception {
        Properties settings = new Properties();
        settings.put("mail.smtp.host", "127.0.0.1");
        settings.put("mail.smtp.port", String.valueOf(port));
        MimeMessage message = new MimeMessage(Session.getInstance(settings));
        message.setFrom(new InternetAddress("alerts@civicspace.localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("duty@civicspace.localhost"));
        message.setSubject(subject);
        message.setText("Sign in to read it.");
        Transport.send(message);
    }
}
