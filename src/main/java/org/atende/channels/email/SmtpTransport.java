package org.atende.channels.email;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import org.atende.notifications.OutgoingView;
import org.atende.notifications.Outbox;
import org.atende.notifications.Transport;
import org.atende.notifications.TransportException;
import org.atende.tickets.Channel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends the outbox's e-mails over SMTP ({@code spring.mail.*}) with the Message-ID written when the mail
 * was queued, so a retry is the same mail. A refused recipient is a permanent failure; anything else (the
 * server down, a timeout, a temporary refusal) is retried by the outbox.
 */
@Component
class SmtpTransport implements Transport {

    private final ObjectProvider<JavaMailSender> sender;
    private final EmailProperties properties;
    private final Outbox outbox;

    SmtpTransport(ObjectProvider<JavaMailSender> sender, EmailProperties properties, Outbox outbox) {
        this.sender = sender;
        this.properties = properties;
        this.outbox = outbox;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public @org.jspecify.annotations.Nullable String send(OutgoingView outgoing) throws TransportException {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new TransportException("no SMTP server is configured (spring.mail.host)", false, null);
        }
        try {
            mail.send(message(mail, outgoing));
            return null; // the Message-ID is the outbox's own external id
        } catch (MailSendException e) {
            throw new TransportException(reason(e), refusedRecipient(e), e);
        } catch (MailException e) {
            throw new TransportException(reason(e), false, e);
        } catch (MessagingException e) {
            throw new TransportException("the mail could not be written: " + e.getMessage(), true, e);
        }
    }

    private MimeMessage message(JavaMailSender mail, OutgoingView outgoing) throws MessagingException {
        var m = outgoing.message();
        Session session = mail instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new java.util.Properties());
        MimeMessage message = new FixedIdMessage(session, m.externalId());
        message.setFrom(new InternetAddress(properties.ownAddress()));
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(m.recipient()));
        message.setSubject(m.subject() == null ? "" : m.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(outgoing.createdAt()));
        var files = outbox.attachmentsOf(outgoing.id());
        if (files.isEmpty()) {
            message.setText(m.body(), StandardCharsets.UTF_8.name());
        } else { // the text, then each file (the monthly report's PDF)
            var parts = new jakarta.mail.internet.MimeMultipart("mixed");
            var text = new jakarta.mail.internet.MimeBodyPart();
            text.setText(m.body(), StandardCharsets.UTF_8.name());
            parts.addBodyPart(text);
            for (var file : files) {
                var part = new jakarta.mail.internet.MimeBodyPart();
                part.setDataHandler(new jakarta.activation.DataHandler(
                        new jakarta.mail.util.ByteArrayDataSource(file.content(), file.contentType())));
                part.setFileName(file.filename());
                part.setDisposition(jakarta.mail.Part.ATTACHMENT);
                parts.addBodyPart(part);
            }
            message.setContent(parts);
        }
        if (m.inReplyTo() != null) {
            message.setHeader("In-Reply-To", "<" + m.inReplyTo() + ">");
        }
        if (!m.references().isEmpty()) {
            message.setHeader("References", String.join(" ", m.references().stream().map(r -> "<" + r + ">").toList()));
        }
        if (m.automatic()) { // RFC 3834: never answered automatically; Exchange: no out-of-office back
            message.setHeader("Auto-Submitted", "auto-replied");
            message.setHeader("X-Auto-Response-Suppress", "All");
        }
        message.setHeader("X-Loop", properties.ownAddress());
        message.saveChanges();
        return message;
    }

    private static boolean refusedRecipient(MailSendException e) {
        for (Exception failure : e.getFailedMessages().values()) {
            if (failure instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
                    && sfe.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getMessage() + (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
    }

    /** A MIME message that keeps the Message-ID it was given instead of writing a new one on every save. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }
}
