package org.atende.sla;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** A calendar an admin stored, for policies and organisations to use; {@code calendar} is in the business-time command's form. */
public record StoredCalendar(long id, String name, JsonNode calendar, Instant createdAt, Instant updatedAt) {
}
