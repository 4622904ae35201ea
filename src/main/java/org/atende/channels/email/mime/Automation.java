package org.atende.channels.email.mime;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Tells a person's mail from a machine's (RFC 3834 and what mail systems do in practice): an
 * out-of-office answer, any other automatic mail (notifications, lists, bulk, our own mail coming back),
 * or a person. Bounces are recognised by the reader from their structure first.
 */
final class Automation {

    private static final Pattern OUT_OF_OFFICE_SUBJECT = Pattern.compile(
            "^(automatic reply|auto(matic)?[- ]?reply|out of (the )?office|respuesta autom[aá]tica|fuera de la oficina|"
                    + "resposta autom[aá]tica|aus[eê]ncia|fora do escrit[oó]rio|ausente|abwesenheitsnotiz|r[ée]ponse automatique)\\b.*",
            Pattern.CASE_INSENSITIVE);

    /** A verdict and why. */
    record Verdict(MailKind kind, @Nullable String because) {
    }

    private final Set<String> ownAddresses;
    private final String ownDomain;

    Automation(Set<String> ownAddresses, String ownDomain) {
        this.ownAddresses = ownAddresses;
        this.ownDomain = ownDomain.toLowerCase(Locale.ROOT);
    }

    Verdict judge(MimeMessage m, @Nullable MailAddress from, String subject, String messageId, boolean synthesizedId) {
        String autoSubmitted = header(m, "Auto-Submitted");
        boolean autoReplyHeader = header(m, "X-Autoreply") != null || header(m, "X-Autorespond") != null
                || header(m, "X-MS-Exchange-Inbox-Rules-Loop") != null;
        String precedence = firstNonNull(header(m, "Precedence"), header(m, "X-Precedence"));
        boolean oofSubject = OUT_OF_OFFICE_SUBJECT.matcher(subject.strip()).matches();
        boolean autoReplied = autoSubmitted != null && autoSubmitted.toLowerCase(Locale.ROOT).startsWith("auto-replied");
        if (autoReplyHeader || (autoReplied && oofSubject) || (oofSubject && autoSubmitted != null)
                || "auto_reply".equalsIgnoreCase(precedence) || (autoReplied && isVacation(autoSubmitted))) {
            return new Verdict(MailKind.OUT_OF_OFFICE, "an automatic answer");
        }
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return new Verdict(MailKind.AUTOMATED, "Auto-Submitted: " + autoSubmitted.strip());
        }
        if (precedence != null && Set.of("bulk", "junk", "list").contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return new Verdict(MailKind.AUTOMATED, "Precedence: " + precedence.strip());
        }
        String suppress = header(m, "X-Auto-Response-Suppress");
        if (suppress != null && suppress.toLowerCase(Locale.ROOT).matches(".*\\b(all|oof|autoreply)\\b.*")) {
            return new Verdict(MailKind.AUTOMATED, "X-Auto-Response-Suppress: " + suppress.strip());
        }
        if (header(m, "List-Id") != null || header(m, "List-Unsubscribe") != null) {
            return new Verdict(MailKind.AUTOMATED, "a mailing list");
        }
        String returnPath = header(m, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return new Verdict(MailKind.AUTOMATED, "an empty Return-Path");
        }
        if (from != null) {
            String local = from.address().contains("@") ? from.address().substring(0, from.address().indexOf('@')) : from.address();
            if (local.equals("mailer-daemon") || local.equals("postmaster")) {
                return new Verdict(MailKind.AUTOMATED, "from " + from.address());
            }
            if (ownAddresses.contains(from.address())) {
                return new Verdict(MailKind.AUTOMATED, "from the desk's own address (a loop)");
            }
        }
        String loop = header(m, "X-Loop");
        if (loop != null && ownAddresses.contains(loop.strip().toLowerCase(Locale.ROOT))) {
            return new Verdict(MailKind.AUTOMATED, "X-Loop: the desk's own mail");
        }
        if (!synthesizedId && messageId.toLowerCase(Locale.ROOT).endsWith("@" + ownDomain)) {
            return new Verdict(MailKind.AUTOMATED, "a Message-ID of the desk's own (a loop)");
        }
        return new Verdict(MailKind.HUMAN, null);
    }

    private static boolean isVacation(String autoSubmitted) {
        return autoSubmitted.toLowerCase(Locale.ROOT).contains("vacation");
    }

    static @Nullable String header(jakarta.mail.Part m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            return null;
        }
    }

    private static @Nullable String firstNonNull(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }
}
