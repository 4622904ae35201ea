package org.atende.reporting.internal;

import java.util.List;

import org.atende.reporting.MacroUse;

/** The macros report as CSV: one row per macro, most used first, the columns of the API's JSON. */
public final class MacroTable {

    private MacroTable() {
    }

    public static ReportCsv csv(List<MacroUse> rows) {
        ReportCsv csv = new ReportCsv(List.of("macro_id", "name", "scope", "uses"));
        rows.forEach(r -> csv.row(List.of(r.macroId(), r.name(), r.scope(), r.uses())));
        return csv;
    }
}
