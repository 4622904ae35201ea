package org.atende.reporting;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Makes the monthly cells of the (month, organisation) pairs whose tickets changed, every {@code atende.reports.aggregate-interval}. */
@Component
@ConditionalOnBooleanProperty(name = "atende.reports.aggregate-enabled", matchIfMissing = true)
class ReportSchedule {

    private final ReportCells cells;

    ReportSchedule(ReportCells cells) {
        this.cells = cells;
    }

    @Scheduled(fixedDelayString = "${atende.reports.aggregate-interval:PT10S}", initialDelayString = "PT20S")
    void aggregate() {
        cells.aggregate();
    }
}
