package org.atende.identity;

/** What a user may do: customers see their organisation's tickets; staff work the desk. */
public enum Role {
    CUSTOMER, AGENT, LEAD, ADMIN;

    public boolean isStaff() {
        return this != CUSTOMER;
    }
}
