package org.atende.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReportCsvUnitTests {

    @Test
    void quotesFieldsAsRfc4180SaysWithAHeaderAndCrlf() {
        String csv = new ReportCsv(List.of("a", "b")).row(List.of("x,y", "say \"hi\"")).row(Arrays.asList(null, "two\nlines")).toString();
        assertThat(csv).isEqualTo("a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n,\"two\nlines\"\r\n");
    }

    @Test
    void defusesCellsASpreadsheetWouldRunAsFormulas() {
        String csv = new ReportCsv(List.of("v")).row(List.of("=1+1")).row(List.of("+SUM(A1)")).row(List.of("-2"))
                .row(List.of("@cmd")).row(List.of("plain")).toString();
        assertThat(csv.split("\r\n")).containsExactly("v", "'=1+1", "'+SUM(A1)", "'-2", "'@cmd", "plain");
    }
}
