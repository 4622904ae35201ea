/**
 * Business time: calendars of opening hours, holidays, overrides and breaks, and the exact
 * operations every service-level target is measured with. Plain Java, no framework.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.atende.calendar;
