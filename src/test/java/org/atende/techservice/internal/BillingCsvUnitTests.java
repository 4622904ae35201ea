package org.atende.techservice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.atende.customers.OrganisationId;
import org.atende.techservice.BillingReport;
import org.atende.techservice.QuoteId;
import org.atende.techservice.QuoteProblem;
import org.atende.techservice.QuoteState;
import org.atende.tickets.TicketId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class BillingCsvUnitTests {

    @Nested
    class Fields {

        @Test
        void leavesPlainFieldsAlone() {
            assertThat(BillingCsv.quoted("FT 2026/0815")).isEqualTo("FT 2026/0815");
            assertThat(BillingCsv.quoted("")).isEmpty();
        }

        @Test
        void quotesFieldsWithCommasQuotesOrLineBreaksAndDoublesTheirQuotes() {
            assertThat(BillingCsv.quoted("a,b")).isEqualTo("\"a,b\"");
            assertThat(BillingCsv.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
            assertThat(BillingCsv.quoted("line 1\nline 2")).isEqualTo("\"line 1\nline 2\"");
            assertThat(BillingCsv.quoted("line 1\r\nline 2")).isEqualTo("\"line 1\r\nline 2\"");
        }

        @Test
        void keepsSpreadsheetsFromRunningTextAsAFormula() {
            assertThat(List.of("=1+1", "+351 912", "-x", "@SUM(A1)")).allSatisfy(t -> assertThat(BillingCsv.text(t)).isEqualTo("'" + t));
            assertThat(BillingCsv.text("Restaurar = 2")).isEqualTo("Restaurar = 2");
            assertThat(BillingCsv.text(null)).isEmpty();
        }
    }

    @Test
    void writesAnEmptyMonthAsTheHeaderAndAZeroTotal() {
        BillingReport empty = new BillingReport(YearMonth.of(2026, 8), ZoneId.of("Europe/Lisbon"), null, List.of());
        assertThat(BillingCsv.of(empty)).isEqualTo(String.join(",", BillingCsv.HEADER) + "\r\nTOTAL,,,,,0 quotes,,0,0.00,,,,\r\n");
    }

    @Test
    void writesTimesInTheReportsZoneWithSeconds() {
        var line = new BillingReport.Line(new QuoteId(1), new TicketId(2), 1002, new OrganisationId(3), "Acme, Lda", null,
                "Carga", new BigDecimal("1.00"), 5, QuoteState.ACCEPTED, Instant.parse("2026-12-31T23:30:00Z"), null, null);
        String csv = BillingCsv.of(new BillingReport(YearMonth.of(2026, 12), ZoneId.of("Europe/Lisbon"), null, List.of(line)));
        assertThat(csv.split("\r\n")[1]).isEqualTo("1,1002,3,\"Acme, Lda\",,Carga,1.00,5,0.05,ACCEPTED,2026-12-31T23:30:00Z,,");
    }

    @Nested
    class Format {

        List<MediaType> accept(String header) {
            return MediaType.parseMediaTypes(header);
        }

        @Test
        void isJsonUnlessCsvIsAskedFor() {
            assertThat(BillingController.wantsCsv(null, List.of())).isFalse();
            assertThat(BillingController.wantsCsv(null, accept("*/*"))).isFalse();
            assertThat(BillingController.wantsCsv(null, accept("application/json, application/problem+json"))).isFalse();
            assertThat(BillingController.wantsCsv(null, accept("text/csv"))).isTrue();
            assertThat(BillingController.wantsCsv(null, accept("text/*, application/json;q=0.9"))).isTrue();
            assertThat(BillingController.wantsCsv(null, accept("text/csv;q=0.4, application/json"))).isFalse();
            assertThat(BillingController.wantsCsv(null, accept("application/json;q=0.5, text/csv"))).isTrue();
            assertThat(BillingController.wantsCsv(null, accept("text/csv;q=0, */*"))).isFalse();
        }

        @Test
        void theFormatParameterWinsOverAccept() {
            assertThat(BillingController.wantsCsv("csv", accept("application/json"))).isTrue();
            assertThat(BillingController.wantsCsv("CSV", List.of())).isTrue();
            assertThat(BillingController.wantsCsv("json", accept("text/csv"))).isFalse();
            assertThatThrownBy(() -> BillingController.wantsCsv("xlsx", List.of()))
                    .isInstanceOfSatisfying(QuoteProblem.class, p -> assertThat(p.slug()).isEqualTo("validation"));
        }
    }
}
