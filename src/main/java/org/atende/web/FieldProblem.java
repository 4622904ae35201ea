package org.atende.web;

/** One bad field of a request, as listed in a problem's {@code errors}. */
record FieldProblem(String field, String message) {
}
