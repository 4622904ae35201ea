/** The calculations behind {@link org.atende.calendar.BusinessCalendar}: openings per window, and walks over them. */
@org.jspecify.annotations.NullMarked
package org.atende.calendar.internal;
