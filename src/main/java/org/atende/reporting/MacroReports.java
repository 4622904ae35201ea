package org.atende.reporting;

import java.time.YearMonth;
import java.util.List;

import org.atende.customers.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The most used macros over a range of support months, for all organisations or one; callers check who asks. */
@Service
@Transactional(readOnly = true)
public class MacroReports {

    public static final int MAX_ROWS = 500;

    private final JdbcClient jdbc;

    MacroReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The macros applied from {@code from} to {@code to} (months inclusive), most used first, at most {@code limit}. */
    public List<MacroUse> mostUsed(YearMonth from, YearMonth to, @Nullable OrganisationId organisation, int limit) {
        if (to.isBefore(from) || from.plusMonths(Reports.MAX_MONTHS).isBefore(to)) {
            throw new IllegalArgumentException("the months run forward over at most " + Reports.MAX_MONTHS + " months");
        }
        if (limit < 1 || limit > MAX_ROWS) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_ROWS);
        }
        String orgFilter = organisation == null ? "" : " AND u.organisation_id = " + organisation.value();
        return jdbc.sql("""
                SELECT u.macro_id, m.macro_name, m.scope, SUM(u.uses) AS uses
                FROM report_macro_use u JOIN report_macro m ON m.macro_id = u.macro_id
                WHERE u.support_month BETWEEN ? AND ?""" + orgFilter + """

                GROUP BY u.macro_id, m.macro_name, m.scope
                ORDER BY SUM(u.uses) DESC, m.macro_name, u.macro_id
                LIMIT ?""")
                .params(from.toString(), to.toString(), limit)
                .query((rs, n) -> new MacroUse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
    }
}
