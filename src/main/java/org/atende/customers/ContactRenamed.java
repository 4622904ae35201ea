package org.atende.customers;

/** A contact's name, e-mail address or phone number changed: what finds its tickets by their requester. */
public record ContactRenamed(ContactId contactId) {
}
