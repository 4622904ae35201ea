package org.atende.tickets;

/** Where a ticket or message came in (and where replies go back). */
public enum Channel {
    PORTAL, APP, EMAIL, WHATSAPP, API
}
