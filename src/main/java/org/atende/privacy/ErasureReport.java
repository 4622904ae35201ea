package org.atende.privacy;

import java.time.Instant;
import java.util.Map;

/** What erasing a contact did: when, and how many things of each kind were erased or removed. */
public record ErasureReport(long contactId, long organisationId, Instant erasedAt, Map<String, Integer> erased) {
}
