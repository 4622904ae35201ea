package org.atende.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.identity.UserSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of pages: the signed-in user's setting, else the best of Spanish, Portuguese and English in
 * the browser's {@code Accept-Language}, else English. Changed on the account page, not per request.
 */
final class PageLocales implements LocaleResolver {

    private static final String RESOLVED = PageLocales.class.getName() + ".locale";

    /**
     * A request attribute (a {@link Locale}) by which a page for someone who is not signed in names its language:
     * the satisfaction page of a survey link speaks the language of the mail that carried it.
     */
    public static final String PAGE_LANGUAGE = "atende.page-language";

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.of("es"), Locale.of("pt"));

    private final Identity identity;
    private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

    PageLocales(Identity identity) {
        this.identity = identity;
        browser.setSupportedLocales(SUPPORTED);
        browser.setDefaultLocale(Locale.ENGLISH);
    }

    /**
     * Asked many times while a page renders (every message looks its locale up): the answer is kept on the
     * request, so the user's setting is read once per request.
     */
    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(RESOLVED) instanceof Locale resolved) {
            return resolved;
        }
        if (request.getAttribute(PAGE_LANGUAGE) instanceof Locale named && SUPPORTED.contains(named)) {
            return named; // a page for someone without an account speaks the language the desk wrote to them in
        }
        Language chosen = chosen(request);
        Locale locale = chosen != null ? locale(chosen) : browser.resolveLocale(request);
        request.setAttribute(RESOLVED, locale);
        return locale;
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        throw new UnsupportedOperationException("The language is a user setting: change it on the account page.");
    }

    /** The locale that speaks a customer's language, for pages and messages outside a request. */
    static Locale locale(Language language) {
        return Locale.of(language.name().toLowerCase(Locale.ROOT));
    }

    private @Nullable Language chosen(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            if (request.getAttribute(Identity.SIGNED_IN_USER) instanceof UserSummary read && read.id().equals(actor.userId())) {
                return read.language(); // as read for this request when it was signed in
            }
            return identity.user(actor.userId()).map(UserSummary::language).orElse(null);
        }
        return null;
    }
}
