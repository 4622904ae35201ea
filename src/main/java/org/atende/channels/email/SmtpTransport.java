package org.atende.channels.email;

import java.nio.charset.StandardCharsets;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.List;

import org.atende.notifications.OutgoingView;
import org.atende.notifications.Outbox;
import org.atende.notifications.Transport;
import org.atende.notifications.TransportException;
import org.atende.tickets.AttachmentContent;
import org.atende.tickets.Attachments;
import org.atende.tickets.Channel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

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
    private final Attachments attachments;

    SmtpTransport(ObjectProvider<JavaMailSender> sender, EmailProperties properties, Outbox outbox, Attachments attachments) {
        this.attachments = attachments;
        this.sender = sender;
        this.properties = properties;
        this.outbox = outbox;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public @org.jspecify.annotations.Nullable String notConfigured() {
        return sender.getIfAvailable() == null ? NOT_CONFIGURED : null;
    }

    static final String NOT_CONFIGURED = "SMTP not configured (spring.mail.host)";

    @Override
    public @org.jspecify.annotations.Nullable String send(OutgoingView outgoing) throws TransportException {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw TransportException.channelDown(NOT_CONFIGURED, null);
        }
        try {
            mail.send(message(mail, outgoing));
            return null; // the Message-ID is the outbox's own external id
        } catch (MailAuthenticationException e) {
            throw TransportException.channelDown("SMTP login refused: " + reason(e), e);
        } catch (MailSendException e) {
            if (unreachable(e)) {
                throw TransportException.channelDown("SMTP server unreachable: " + reason(e), e);
            }
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
        var files = files(outgoing.id(), m.attachments());
        if (files.isEmpty()) {
            message.setText(m.body(), StandardCharsets.UTF_8.name());
        } else {
            message.setContent(withFiles(m.body(), files));
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

    private record File(String name, String contentType, byte[] content) {
    }

    /**
     * What goes with the mail: the files of the ticket's message the row names (an agent's reply; one deleted since
     * is left out), then files the outbox keeps with the row itself (the monthly report's PDF).
     */
    private List<File> files(long outgoingId, List<Long> attachmentIds) {
        List<File> files = new java.util.ArrayList<>();
        for (long id : attachmentIds) {
            attachments.stored(id).ifPresent(a -> files.add(new File(a.attachment().filename(), a.attachment().contentType(), a.content())));
        }
        for (var kept : outbox.attachmentsOf(outgoingId)) {
            files.add(new File(kept.filename(), kept.contentType(), kept.content()));
        }
        return files;
    }

    /** The text first, then each file with its own name and type. */
    private static MimeMultipart withFiles(String body, List<File> files) throws MessagingException {
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, StandardCharsets.UTF_8.name());
        mixed.addBodyPart(text);
        for (File file : files) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
            try {
                part.setFileName(MimeUtility.encodeText(file.name(), StandardCharsets.UTF_8.name(), null));
            } catch (UnsupportedEncodingException e) {
                throw new MessagingException("UTF-8 is not available", e);
            }
            part.setDisposition(jakarta.mail.Part.ATTACHMENT);
            part.setHeader("Content-Transfer-Encoding", "base64"); // a file arrives byte for byte, line ends and all
            mixed.addBodyPart(part);
        }
        return mixed;
    }

    /** The server could not be reached at all (refused, timed out, unknown host): the relay is down, not this mail. */
    private static boolean unreachable(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.UnknownHostException || t instanceof java.net.NoRouteToHostException
                    || t instanceof jakarta.mail.MessagingException me && me.getMessage() != null
                            && me.getMessage().startsWith("Could not connect to SMTP host")) {
                return true;
            }
        }
        if (e instanceof MailSendException send) {
            for (Exception failure : send.getFailedMessages().values()) {
                if (failure != e && unreachable(failure)) {
                    return true;
                }
            }
        }
        return false;
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
