package org.atende.customers;

/** The languages the desk speaks to customers in. */
public enum Language {
    ES, PT, EN
}
