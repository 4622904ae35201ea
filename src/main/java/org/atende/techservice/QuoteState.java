package org.atende.techservice;

/**
 * Where a quote stands. A draft is the desk's alone; once sent the customer accepts or rejects it
 * before its validity ends (else it expires); accepted work is done, then invoiced. Sending a revision
 * supersedes the ticket's earlier open quotes.
 */
public enum QuoteState {
    DRAFT, SENT, ACCEPTED, REJECTED, EXPIRED, SUPERSEDED, DONE, INVOICED;

    /** Still waiting on the desk or the customer: a revision replaces it. */
    public boolean isOpen() {
        return this == DRAFT || this == SENT;
    }

    /** Agreed work, to be billed: accepted, done or invoiced. */
    public boolean isBillable() {
        return this == ACCEPTED || this == DONE || this == INVOICED;
    }
}
