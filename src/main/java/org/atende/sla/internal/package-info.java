/** The sla module's persistence and parsing: policies, stored calendars and clock rows; nothing outside sla uses it. */
@org.jspecify.annotations.NullMarked
package org.atende.sla.internal;
