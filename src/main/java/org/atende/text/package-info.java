/**
 * The words of a text for the H2 search indexes: accent folding, stop words and the light pt/es/en
 * stemming that tickets and the knowledge base share. Plain Java; depends only on {@code customers}
 * for the {@code Language}s the desk speaks.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customers"})
@org.jspecify.annotations.NullMarked
package org.atende.text;
