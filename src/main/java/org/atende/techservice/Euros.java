package org.atende.techservice;

import java.math.BigDecimal;

/** Amounts are kept as whole euro cents; people read them with two decimals and a dot: {@code 1234.50}. */
public final class Euros {

    private Euros() {
    }

    public static String format(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
