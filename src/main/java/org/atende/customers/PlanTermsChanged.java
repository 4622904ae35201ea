package org.atende.customers;

import java.time.Instant;

/** A plan now points at another SLA policy: the open tickets of its organisations follow. */
public record PlanTermsChanged(PlanId planId, long slaPolicyId, Instant at) {
}
