package org.atende.web.desk;

import org.atende.techservice.QuoteView;

/** A quote on the ticket page, with its amount and dates written for the page's language. */
public record QuoteRow(QuoteView quote, String amount, String hours, String validUntil) {

    public String state() {
        return quote.state().name();
    }
}
