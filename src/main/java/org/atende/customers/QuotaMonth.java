package org.atende.customers;

import java.time.YearMonth;

/** One month of an organisation's quota history: units held, those over quota, and those given back. */
public record QuotaMonth(YearMonth month, int used, int overQuota, int returned) {
}
