package org.atende.customers;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import org.atende.audit.AuditKind;
import org.atende.audit.AuditedChange;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the desk is named to customers, per language: who answered a ticket on the portal, who signs the
 * desk's mails. An administrator sets it; unset, it is the support team's name in that language.
 */
@Component
@Transactional(readOnly = true)
public class DeskNames {

    /** The longest name kept: it stands beside every answer on the portal. */
    public static final int MAX_LENGTH = 80;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DeskNames(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** The support team's name in a language, when an administrator has set none. */
    public static String byDefault(Language language) {
        return switch (language) {
            case ES -> "Equipo de Soporte";
            case PT -> "Equipa de Suporte";
            case EN -> "Support Team";
        };
    }

    /** The name customers reading this language see. */
    public String of(Language language) {
        return jdbc.sql("SELECT name FROM desk_name WHERE language = ?").param(language.name()).query(String.class)
                .optional().orElseGet(() -> byDefault(language));
    }

    /** The name in each language. */
    public Map<Language, String> all() {
        Map<Language, String> names = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            names.put(language, of(language));
        }
        return names;
    }

    /** Sets the name of one language; blank: back to the default. Longer than {@link #MAX_LENGTH}: refused. */
    @Transactional
    public void name(Language language, @Nullable String name) {
        String before = of(language);
        String given = name == null ? "" : name.strip();
        if (given.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a desk name has at most " + MAX_LENGTH + " characters");
        }
        jdbc.sql("DELETE FROM desk_name WHERE language = ?").param(language.name()).update();
        if (!given.isEmpty() && !given.equals(byDefault(language))) {
            jdbc.sql("INSERT INTO desk_name (language, name, updated_at) VALUES (?, ?, ?)")
                    .params(language.name(), given, Timestamp.from(clock.instant())).update();
        }
        String after = of(language);
        if (!after.equals(before)) {
            events.publishEvent(AuditedChange.changed(AuditKind.CHANNEL_SETTING, 0, language.name(),
                    AuditedChange.fields("deskName." + language.name(), before), AuditedChange.fields("deskName." + language.name(), after)));
        }
    }
}
