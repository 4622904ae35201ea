package org.atende.reporting.internal;

import java.time.YearMonth;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.reporting.MacroReports;
import org.atende.reporting.MacroUse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/reports/macros}: the most used macros of a range of months, for leads and admins; JSON or CSV. */
@RestController
class MacroReportController {

    private final MacroReports reports;

    MacroReportController(MacroReports reports) {
        this.reports = reports;
    }

    @Operation(summary = "The most used macros", description = """
            Macros by how often they were applied from `from` to `to` (months in the support time zone, inclusive), \
            most used first, at most `limit` (default 20, at most 500); `organisationId` counts uses on that \
            organisation's tickets only. A deleted macro keeps its name. CSV with `format=csv`, a `.csv` path or `Accept: text/csv`.""")
    @GetMapping({"/api/v1/reports/macros", "/api/v1/reports/macros.csv"})
    ResponseEntity<?> macros(@RequestParam YearMonth from, @RequestParam YearMonth to,
            @RequestParam(required = false) @Nullable Long organisationId, @RequestParam(defaultValue = "20") int limit,
            @RequestParam(required = false) @Nullable String format, @RequestHeader HttpHeaders headers,
            HttpServletRequest request, @AuthenticationPrincipal @Nullable Actor actor) {
        ReportController.lead(actor);
        List<MacroUse> rows = ReportController.run(() -> reports.mostUsed(from, to,
                organisationId == null ? null : new OrganisationId(organisationId), limit));
        if (ReportController.wantsCsv(format, headers, request)) {
            return ReportTables.download("macros-" + from + "-" + to, MacroTable.csv(rows));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
    }
}
