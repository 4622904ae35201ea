package org.atende.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.atende.customers.Language;
import org.atende.sla.ClockKind;
import org.atende.sla.PromiseWording;

/**
 * What the desk writes to its own staff (SLA alerts, escalation notices, the daily digest) in Spanish,
 * Portuguese or English. Desk notifications keep a key and its parameters; {@link #text} writes them.
 */
final class StaffTexts {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    static final String SLA_WARNING = "notification.sla.warning";
    static final String SLA_BREACHED = "notification.sla.breached";
    static final String ESCALATION = "notification.escalation";
    static final String MENTION = "notification.mention";

    private static final Map<String, Map<Language, String>> TEXTS = Map.of(
            SLA_WARNING, Map.of(
                    Language.EN, "#{0} ({1}, {2}): {3} target at risk, due {4}, {5} left",
                    Language.ES, "#{0} ({1}, {2}): objetivo de {3} en riesgo, vence el {4}, quedan {5}",
                    Language.PT, "#{0} ({1}, {2}): objetivo de {3} em risco, termina {4}, faltam {5}"),
            SLA_BREACHED, Map.of(
                    Language.EN, "#{0} ({1}, {2}): {3} target missed at {4}, its due time; {5} overdue",
                    Language.ES, "#{0} ({1}, {2}): objetivo de {3} incumplido el {4}, a su vencimiento; {5} de retraso",
                    Language.PT, "#{0} ({1}, {2}): objetivo de {3} falhado em {4}, no seu prazo; {5} de atraso"),
            ESCALATION, Map.of(
                    Language.EN, "#{0} ({1}, {2}): {3}",
                    Language.ES, "#{0} ({1}, {2}): {3}",
                    Language.PT, "#{0} ({1}, {2}): {3}"),
            MENTION, Map.of(
                    Language.EN, "#{0} ({1}): {2} mentioned you in a note: “{3}”",
                    Language.ES, "#{0} ({1}): {2} le ha mencionado en una nota: «{3}»",
                    Language.PT, "#{0} ({1}): {2} mencionou-o numa nota: «{3}»"));

    private StaffTexts() {
    }

    static Language of(Language language) {
        return language == null ? Language.EN : language;
    }

    /**
     * A key's text with its parameters ({0}, {1}, …); unknown keys are shown as they are. A parameter that names
     * a clock ({@code FIRST_RESPONSE}) or an instant (ISO-8601) is worded in the reader's language, so a
     * notification kept for days reads in the language its reader has when reading it.
     */
    static String text(String key, java.util.List<String> params, Language language) {
        Map<Language, String> texts = TEXTS.containsKey(key) ? TEXTS.get(key) : BadRatingNotices.TEXTS.get(key);
        String text = texts == null ? key : texts.get(language);
        for (int i = 0; i < params.size(); i++) {
            text = text.replace("{" + i + "}", worded(params.get(i), language));
        }
        return text;
    }

    private static String worded(String param, Language language) {
        for (ClockKind kind : ClockKind.values()) {
            if (kind.name().equals(param)) {
                return clock(kind, language);
            }
        }
        if (param.length() >= 20 && param.endsWith("Z") && param.charAt(4) == '-' && param.charAt(10) == 'T') {
            try {
                return when(Instant.parse(param), language);
            } catch (java.time.DateTimeException e) {
                return param;
            }
        }
        return param;
    }

    static String clock(ClockKind kind, Language language) {
        return switch (kind) {
            case FIRST_RESPONSE -> switch (language) {
                case ES -> "primera respuesta";
                case PT -> "primeira resposta";
                case EN -> "first response";
            };
            case RESOLUTION -> switch (language) {
                case ES -> "resolución";
                case PT -> "resolução";
                case EN -> "resolution";
            };
        };
    }

    static String when(Instant at, Language language) {
        return PromiseWording.when(language, at, LISBON);
    }

    /** A span as people say it: "2 h 05 min", "3 d 4 h", "45 min" (the same in the three languages). */
    static String span(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        return hours > 0 ? hours + " h " + String.format("%02d", mins) + " min" : mins + " min";
    }

    static String subject(String key, long number, String ticketSubject, Language language) {
        String what = switch (key) {
            case SLA_WARNING -> switch (language) {
                case ES -> "SLA en riesgo";
                case PT -> "SLA em risco";
                case EN -> "SLA at risk";
            };
            case SLA_BREACHED -> switch (language) {
                case ES -> "SLA incumplido";
                case PT -> "SLA falhado";
                case EN -> "SLA breached";
            };
            case MENTION -> switch (language) {
                case ES -> "Mención";
                case PT -> "Menção";
                case EN -> "Mention";
            };
            default -> switch (language) {
                case ES -> "Escalado";
                case PT -> "Escalado";
                case EN -> "Escalated";
            };
        };
        return "[" + what + "] #" + number + " " + ticketSubject;
    }

    /**
     * The subject of one e-mail listing several SLA alerts: how many clocks breached and how many are at risk
     * ("[SLA] 2 breached, 1 at risk").
     */
    static String listSubject(java.util.List<String> keys, Language language) {
        long breached = keys.stream().filter(SLA_BREACHED::equals).count();
        long atRisk = keys.stream().filter(SLA_WARNING::equals).count();
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (breached > 0) {
            parts.add(breached + " " + switch (language) {
                case ES -> breached == 1 ? "incumplido" : "incumplidos";
                case PT -> breached == 1 ? "falhado" : "falhados";
                case EN -> "breached";
            });
        }
        if (atRisk > 0) {
            parts.add(atRisk + " " + switch (language) {
                case ES -> "en riesgo";
                case PT -> "em risco";
                case EN -> "at risk";
            });
        }
        return "[SLA] " + (parts.isEmpty() ? Integer.toString(keys.size()) : String.join(", ", parts));
    }

    static String openOnDesk(Language language) {
        return switch (language) {
            case ES -> "Abrir en el escritorio";
            case PT -> "Abrir no balcão";
            case EN -> "Open on the desk";
        };
    }

    static String digestSubject(Language language, String day) {
        return switch (language) {
            case ES -> "Resumen diario del " + day;
            case PT -> "Resumo diário de " + day;
            case EN -> "Daily digest for " + day;
        };
    }

    static String digestBreached(Language language) {
        return switch (language) {
            case ES -> "Incumplidos en el último día";
            case PT -> "Falhados no último dia";
            case EN -> "Breached in the last day";
        };
    }

    static String digestAtRisk(Language language) {
        return switch (language) {
            case ES -> "En riesgo (aviso o vencen en el próximo día hábil)";
            case PT -> "Em risco (aviso ou terminam no próximo dia útil)";
            case EN -> "At risk (warned, or due within the next business day)";
        };
    }

    static String digestQuota(Language language) {
        return switch (language) {
            case ES -> "Organizaciones que alcanzaron su cuota mensual";
            case PT -> "Organizações que atingiram a quota mensal";
            case EN -> "Organisations that reached their monthly quota";
        };
    }

    static String due(Language language) {
        return switch (language) {
            case ES -> "vence";
            case PT -> "termina";
            case EN -> "due";
        };
    }

    static String tickets(Language language, int allowance) {
        return switch (language) {
            case ES -> allowance + " tickets";
            case PT -> allowance + " pedidos";
            case EN -> allowance + " tickets";
        };
    }
}
