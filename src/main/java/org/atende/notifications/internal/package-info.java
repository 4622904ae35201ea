/** The REST API of the desk's notifications. */
@org.jspecify.annotations.NullMarked
package org.atende.notifications.internal;
