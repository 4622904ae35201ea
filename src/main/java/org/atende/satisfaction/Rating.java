package org.atende.satisfaction;

/** What a customer said of the answer. */
public enum Rating {
    GOOD, BAD
}
