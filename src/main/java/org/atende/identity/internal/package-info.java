/**
 * How users, teams and API tokens are stored, validated and served over REST, and how requests are
 * authenticated (bearer tokens for the API, form login with database sessions for pages); other
 * modules use {@link org.atende.identity.Identity}.
 */
@org.jspecify.annotations.NullMarked
package org.atende.identity.internal;
