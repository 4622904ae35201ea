package org.atende.channels.email.mime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;

/**
 * Tells a person's mail from a machine's, from the headers of RFC 3834 and what mail systems do in
 * practice. In order: the desk's own mail coming back (its address, its {@code X-Loop}, its Message-ID
 * domain), mail daemons and mailing lists are {@code AUTOMATED} whatever else they say; any other
 * automatic mail is {@code OUT_OF_OFFICE} when something says it answers for an absent person (the
 * subject, {@code vacation}, {@code X-Autoreply}, an Exchange inbox rule), else {@code AUTOMATED}.
 * Delivery reports are recognised before, from the structure of the mail.
 */
final class Automation {

    /** The headers classification reads, kept on the parsed mail (names in lower case). */
    static final List<String> HEADERS = List.of("auto-submitted", "x-autoreply", "x-autorespond", "precedence", "x-precedence",
            "x-auto-response-suppress", "list-id", "list-unsubscribe", "return-path", "x-loop", "x-ms-exchange-inbox-rules-loop",
            "x-failed-recipients", "x-spam-flag", "x-spam-status", "x-spam", "x-jira-fingerprint", "x-github-reason",
            "x-gitlab-project", "x-redmine-project", "x-bugzilla-product", "x-zendesk-from-account-id", "x-freshdesk-notification");
    /** Headers that only notification robots (issue trackers, code hosts, other help desks) write. */
    private static final List<String> ROBOTS = List.of("x-jira-fingerprint", "x-github-reason", "x-gitlab-project", "x-redmine-project",
            "x-bugzilla-product", "x-zendesk-from-account-id", "x-freshdesk-notification");
    /** Local parts that say no one reads answers: noreply, no-reply, no_reply, donotreply, do-not-reply, dont-reply. */
    private static final Pattern NO_REPLY = Pattern.compile("(?i).*\\b(no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply)\\b.*|.*(noreply|donotreply).*");
    private static final Pattern SPAM = Pattern.compile("(?i)\\s*(yes|true|spam)\\b.*");

    private static final Pattern OUT_OF_OFFICE_SUBJECT = Pattern.compile("^\\W*(re:\\s*)?(automatic reply|auto(matic)?[- ]?reply|"
            + "auto:|autoreply|out of (the )?office|ooo\\b|respuesta autom[aá]tica|fuera de la oficina|fuera de oficina|ausente|"
            + "ausencia|resposta autom[aá]tica|aus[eê]ncia|fora do escrit[oó]rio|abwesenheitsnotiz|r[ée]ponse automatique|"
            + "absence|on vacation|vacation|vacaciones|f[ée]rias).*", Pattern.CASE_INSENSITIVE);
    private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply", "auto-reply");
    private static final Pattern SUPPRESS = Pattern.compile("(?i).*\\b(all|oof|autoreply)\\b.*");

    /** A verdict and why. */
    record Verdict(MailKind kind, @Nullable String because) {
    }

    private final Set<String> ownAddresses;
    private final String ownDomain;

    Automation(Set<String> ownAddresses, String ownDomain) {
        this.ownAddresses = ownAddresses.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        this.ownDomain = ownDomain.strip().toLowerCase(Locale.ROOT);
    }

    Verdict judge(Map<String, String> headers, @Nullable MailAddress from, String subject, String messageId, boolean synthesizedId) {
        if (from != null && ownAddresses.contains(from.address())) {
            return new Verdict(MailKind.AUTOMATED, "from the desk's own address (a loop)");
        }
        String loop = headers.get("x-loop");
        if (loop != null && ownAddresses.contains(loop.replaceAll("[<>]", "").strip().toLowerCase(Locale.ROOT))) {
            return new Verdict(MailKind.AUTOMATED, "X-Loop: the desk's own mail");
        }
        if (!synthesizedId && !ownDomain.isEmpty() && messageId.toLowerCase(Locale.ROOT).endsWith("@" + ownDomain)) {
            return new Verdict(MailKind.AUTOMATED, "a Message-ID of the desk's own (a loop)");
        }
        if (from != null && isDaemon(from.address())) {
            return new Verdict(MailKind.AUTOMATED, "from " + from.address());
        }
        for (String robot : ROBOTS) {
            if (headers.containsKey(robot)) {
                return new Verdict(MailKind.AUTOMATED, "a notification robot (" + robot + ")");
            }
        }
        String precedence = first(headers, "precedence", "x-precedence");
        if (headers.containsKey("list-id") || headers.containsKey("list-unsubscribe") || "list".equals(precedence)) {
            return new Verdict(MailKind.AUTOMATED, "a mailing list");
        }
        String because = automatic(headers, precedence);
        if (because == null) {
            return new Verdict(MailKind.HUMAN, null);
        }
        return outOfOffice(headers, subject) ? new Verdict(MailKind.OUT_OF_OFFICE, "an out-of-office answer (" + because + ")")
                : new Verdict(MailKind.AUTOMATED, because);
    }

    /**
     * Why the desk must not write to the sender of a person's mail by itself (an acknowledgement, a
     * refusal), or null when it may: nobody reads that address (noreply), the sender asked for no
     * automatic answers ({@code X-Auto-Response-Suppress}, whatever it names), or a spam filter flagged the mail.
     */
    static @Nullable String noAnswer(Map<String, String> headers, @Nullable MailAddress from) {
        if (from == null) {
            return "no readable sender";
        }
        if (spam(headers)) {
            return "flagged as spam";
        }
        if (NO_REPLY.matcher(from.address().substring(0, from.address().lastIndexOf('@'))).matches()) {
            return "a no-reply address";
        }
        String suppress = headers.get("x-auto-response-suppress");
        if (suppress != null && !suppress.isBlank() && !token(suppress).equals("none")) {
            return "X-Auto-Response-Suppress: " + suppress;
        }
        return null;
    }

    /** Whether a spam filter on the way flagged the mail ({@code X-Spam-Flag: YES}, {@code X-Spam-Status: Yes, score=…}). */
    static boolean spam(Map<String, String> headers) {
        for (String name : List.of("x-spam-flag", "x-spam-status", "x-spam")) {
            String value = headers.get(name);
            if (value != null && SPAM.matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The first header that says a machine wrote the mail, or null. */
    private static @Nullable String automatic(Map<String, String> headers, @Nullable String precedence) {
        String autoSubmitted = headers.get("auto-submitted");
        if (autoSubmitted != null && !token(autoSubmitted).equals("no")) {
            return "Auto-Submitted: " + autoSubmitted;
        }
        for (String name : List.of("x-autoreply", "x-autorespond", "x-ms-exchange-inbox-rules-loop")) {
            if (headers.containsKey(name)) {
                return name + ": " + headers.get(name);
            }
        }
        if (precedence != null && BULK.contains(precedence)) {
            return "Precedence: " + precedence;
        }
        String suppress = headers.get("x-auto-response-suppress");
        if (suppress != null && SUPPRESS.matcher(suppress).matches()) {
            return "X-Auto-Response-Suppress: " + suppress;
        }
        String returnPath = headers.get("return-path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return "an empty Return-Path";
        }
        return null;
    }

    private static boolean outOfOffice(Map<String, String> headers, String subject) {
        String autoSubmitted = headers.getOrDefault("auto-submitted", "").toLowerCase(Locale.ROOT);
        String autoReply = headers.getOrDefault("x-autoreply", "").toLowerCase(Locale.ROOT);
        return OUT_OF_OFFICE_SUBJECT.matcher(subject.strip()).matches() || autoSubmitted.contains("vacation")
                || autoReply.equals("yes") || autoReply.equals("true") || headers.containsKey("x-ms-exchange-inbox-rules-loop")
                || "auto_reply".equals(first(headers, "precedence", "x-precedence"));
    }

    static boolean isDaemon(String address) {
        String local = address.substring(0, Math.max(0, address.indexOf('@')));
        return local.equals("mailer-daemon") || local.equals("postmaster") || local.equals("mail-daemon");
    }

    /** The headers of {@link #HEADERS} a mail has: the first of each, unfolded and decoded. */
    static Map<String, String> relevant(Part part) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String name : HEADERS) {
            String value = header(part, name);
            if (value != null) {
                found.put(name, EncodedWords.decode(value).strip());
            }
        }
        return found;
    }

    static @Nullable String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static @Nullable String first(Map<String, String> headers, String a, String b) {
        String v = headers.containsKey(a) ? headers.get(a) : headers.get(b);
        return v == null ? null : token(v);
    }

    /** {@code auto-replied; owner-email="…"} → {@code auto-replied}; {@code No (comment)} → {@code no}. */
    private static String token(String value) {
        return value.strip().toLowerCase(Locale.ROOT).split("[\\s;(]", 2)[0];
    }
}
