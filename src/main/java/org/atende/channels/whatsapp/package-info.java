/**
 * The WhatsApp channel: the WhatsApp Business Cloud API's webhook in (signature checked over the raw
 * bytes, every notification committed before it is answered, every message once by its wamid), and the
 * Graph API out through the outbox (free text inside the 24-hour window, an approved template outside it).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tickets", "customers", "sla", "notifications", "knowledge", "outage"})
@org.jspecify.annotations.NullMarked
package org.atende.channels.whatsapp;
