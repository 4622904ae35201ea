/**
 * Customer satisfaction: when a ticket is resolved its requester is asked once whether the answer helped (good or
 * bad, and a comment), on the channel they used; the ratings are on the ticket and its timeline, and in the
 * satisfaction reports (by month, agent, team, organisation, channel), read from the survey table alone.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tickets", "customers", "identity", "problems"})
@org.jspecify.annotations.NullMarked
package org.atende.satisfaction;
