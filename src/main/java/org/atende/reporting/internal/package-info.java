/** The reports' REST API and their CSV form. */
@org.jspecify.annotations.NullMarked
package org.atende.reporting.internal;
