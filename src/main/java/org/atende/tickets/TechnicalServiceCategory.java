package org.atende.tickets;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What database work a technical-service request asks for, as the support terms list it. A
 * technical-service ticket's category is one of these (lower case on the wire, e.g. {@code bulk_update}).
 */
public enum TechnicalServiceCategory {
    RESTORE_DELETED_ITEMS, LOG_QUERY, BULK_ACTION, BULK_UPDATE, FILE_LOAD, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TechnicalServiceCategory> of(String code) {
        String wanted = code.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(c -> c.name().equals(wanted)).findFirst();
    }
}
