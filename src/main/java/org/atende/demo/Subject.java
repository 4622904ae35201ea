package org.atende.demo;

/** One demo conversation: what a customer asks, in which category, what the agent answers, and the reply to that. */
record Subject(String subject, String body, String category, String answer, String followUp) {
}
