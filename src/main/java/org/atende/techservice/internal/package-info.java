/** The quotes' REST API and its billing export (JSON and CSV), written on the {@code Quotes} facade alone. */
@org.jspecify.annotations.NullMarked
package org.atende.techservice.internal;
