package org.atende.customers;

/**
 * What a plan is created or replaced with: a unique name, the SLA policy its tickets are measured by,
 * and the priority of untriaged tickets ({@code LOW}, {@code MEDIUM}, {@code HIGH} or {@code URGENT}).
 */
public record PlanDraft(String name, long slaPolicyId, String defaultPriority) {
}
