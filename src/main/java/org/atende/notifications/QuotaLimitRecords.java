package org.atende.notifications;

import java.sql.Timestamp;

import org.atende.customers.QuotaLimitReached;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps, for the daily digest, when each organisation first reached its allowance in a month. */
@Component
class QuotaLimitRecords {

    private final JdbcClient jdbc;

    QuotaLimitRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional
    void on(QuotaLimitReached e) {
        jdbc.sql("INSERT INTO quota_limit_reached (organisation_id, usage_month, allowance, reached_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(e.organisationId().value(), e.month().toString(), e.allowance(), Timestamp.from(e.at())).update();
    }
}
