/**
 * The problem documents (RFC 9457) that modules answer refusals with: one builder, so that every module's
 * types share the base {@code https://atende.example/problems/} and the same titles. Depends on nothing;
 * the catalogue of types is documented in {@code org.atende.web.ProblemTypes}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.atende.problems;
