/**
 * The ways customers reach the desk: the REST API for the vendor's apps and integrations, the
 * portal, e-mail and WhatsApp. Each turns what arrives into tickets and answers on its channel.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tickets", "customers", "identity", "sla", "notifications", "outage", "channels.email", "channels.whatsapp"})
@org.jspecify.annotations.NullMarked
package org.atende.channels;
