package org.atende.identity;

/**
 * What an API token is for, chosen when it is issued: {@code INTEGRATION} (the default) for staff tools and
 * customers' own integrations, whose new tickets record channel {@code API}; {@code APP} for the vendor's
 * app, whose new tickets record channel {@code APP}.
 */
public enum TokenKind {
    INTEGRATION, APP
}
