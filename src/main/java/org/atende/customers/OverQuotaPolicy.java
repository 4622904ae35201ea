package org.atende.customers;

/**
 * What a plan does with a ticket past its monthly allowance: {@code REFUSE} it (the customer is told
 * why and when the allowance renews) or {@code ACCEPT_AND_FLAG} it (it opens, flagged over quota and
 * billable, for the organisation's account lead to see).
 */
public enum OverQuotaPolicy {
    REFUSE, ACCEPT_AND_FLAG
}
