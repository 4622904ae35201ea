package org.atende.knowledge.web;

import java.util.Locale;

import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Who may do what on these pages: staff read, leads and admins change. A refusal is the 403 page. */
@Component
class Editors {

    private final MessageSource messages;

    Editors(MessageSource messages) {
        this.messages = messages;
    }

    void mayRead(Actor actor, Locale locale) {
        if (!actor.isStaff()) {
            throw new AccessDeniedException(messages.getMessage("knowledge.denied.read", null, locale));
        }
    }

    void mayChange(Actor actor, Locale locale) {
        if (!actor.hasAtLeast(Role.LEAD)) {
            throw new AccessDeniedException(messages.getMessage("knowledge.denied.change", null, locale));
        }
    }

    static boolean canChange(Actor actor) {
        return actor.hasAtLeast(Role.LEAD);
    }
}
