package org.atende.tickets;

/**
 * Where a ticket or message came in (and where replies go back). {@code API}: a staff integration's API
 * token; {@code APP}: the vendor's app (an API token issued as an app token); {@code DESK}: written by
 * staff in the desk's pages (internal notes; a reply keeps the channel it is delivered on).
 */
public enum Channel {
    PORTAL, APP, EMAIL, WHATSAPP, API, DESK
}
