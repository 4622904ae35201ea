package org.atende.reporting.web;

import org.atende.identity.Actor;
import org.atende.reporting.MacroReports;
import org.atende.reporting.internal.MacroTable;
import org.atende.reporting.internal.ReportTables;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /reports/macros}: the most used macros of the period, with the other report pages' period and organisation. */
@Controller
@Transactional(readOnly = true)
class MacroReportPage {

    static final int ROWS = 50;

    private final ReportPages pages;
    private final MacroReports reports;

    MacroReportPage(ReportPages pages, MacroReports reports) {
        this.pages = pages;
        this.reports = reports;
    }

    @GetMapping("/reports/macros")
    String macros(ReportPages.PeriodQuery query, @AuthenticationPrincipal Actor actor, Model model) {
        ReportPages.lead(actor);
        ReportPages.Period period = pages.period(query);
        pages.common(model, "macros", period, pages.format());
        model.addAttribute("rows", reports.mostUsed(period.from(), period.to(), ReportPages.org(period), ROWS));
        return "reports/macros";
    }

    @GetMapping("/reports/macros.csv")
    ResponseEntity<String> csv(ReportPages.PeriodQuery query, @AuthenticationPrincipal Actor actor) {
        ReportPages.lead(actor);
        ReportPages.Period p = pages.period(query);
        return ReportTables.download("macros-" + p.from() + "-" + p.to(),
                MacroTable.csv(reports.mostUsed(p.from(), p.to(), ReportPages.org(p), MacroReports.MAX_ROWS)));
    }
}
