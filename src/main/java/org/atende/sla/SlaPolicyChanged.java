package org.atende.sla;

import java.time.Instant;

/** An admin changed a policy's targets: running clocks measured by it are recomputed. */
public record SlaPolicyChanged(long policyId, Instant at) {
}
