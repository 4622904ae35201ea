package org.atende.reporting;

import org.atende.customers.Quotas;
import org.atende.macros.MacroApplied;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts each macro use in the report tables, in the transaction that applies it (before it commits, as
 * {@link ReportProjection} does): by support month and organisation, the macro's name and scope as then. Like
 * technical-service quotes, uses are counted from their events and are not part of {@link ReportRebuild}: a
 * rebuild leaves these tables as they are.
 */
@Component
class MacroUseProjection {

    private final JdbcClient jdbc;
    private final Quotas quotas;

    MacroUseProjection(JdbcClient jdbc, Quotas quotas) {
        this.jdbc = jdbc;
        this.quotas = quotas;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(MacroApplied e) {
        jdbc.sql("INSERT INTO report_macro (macro_id, macro_name, scope) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(e.macroId(), e.name(), e.scope().name()).update();
        jdbc.sql("UPDATE report_macro SET macro_name = ?, scope = ? WHERE macro_id = ?")
                .params(e.name(), e.scope().name(), e.macroId()).update();
        String month = quotas.monthOf(e.at()).toString();
        jdbc.sql("INSERT INTO report_macro_use (support_month, macro_id, organisation_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(month, e.macroId(), e.organisationId().value()).update();
        jdbc.sql("UPDATE report_macro_use SET uses = uses + 1 WHERE support_month = ? AND macro_id = ? AND organisation_id = ?")
                .params(month, e.macroId(), e.organisationId().value()).update();
    }
}
