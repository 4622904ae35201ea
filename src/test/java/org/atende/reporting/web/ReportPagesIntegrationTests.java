package org.atende.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.atende.identity.Role;
import org.atende.reporting.ReportFixture;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The report pages over HTTP against the November fixture: who may open them, the figures of the
 * compliance table, the CSV downloads, and the monthly report a customer reads in the portal.
 */
class ReportPagesIntegrationTests extends ReportPagesSupport {

    /** A name a spreadsheet would run as a formula, and that would close a script element. */
    static final String HOSTILE_NAME = "=1+2 </script><b>Reported";

    @Autowired
    Tickets tickets;

    ReportFixture desk;

    @BeforeEach
    void november() {
        desk = new ReportFixture(jdbc, tickets, HOSTILE_NAME);
    }

    @Test
    void refusesAgentsTheReports() throws Exception {
        Browser agent = new Browser().signIn(user(Role.AGENT, null));

        assertThat(agent.get("/reports").statusCode()).isEqualTo(403);
        assertThat(agent.get("/reports/compliance.csv").statusCode()).isEqualTo(403);
    }

    @Test
    void showsALeadTheComplianceOfTheFixture() throws Exception {
        Browser lead = new Browser().signIn(user(Role.LEAD, null));

        HttpResponse<String> page = lead.get("/reports?by=MONTH&from=2026-11&to=2026-11&organisationId=" + desk.org.value());

        assertThat(page.statusCode()).isEqualTo(200);
        String table = page.body().substring(page.body().indexOf("<table id=\"compliance-table\">"));
        String row = table.substring(table.indexOf("<tbody>"), table.indexOf("</tr>", table.indexOf("<tbody>")));
        // five support tickets (technical service left out): 4 of 5 first responses met, every decided resolution met
        assertThat(row).contains(">2026-11<", ">5<", ">80.0 %<", "4 met, 1 breached", ">100.0 %<", "4 met, 0 breached");
        // medians and p90 in business time: 3,600 s, 30,960 s, 12,600 s, 39,600 s; paused apart: 14,400 s on two tickets,
        // and F, waiting on the customer since Friday 10:00, two hours by 12:00: the waiting tickets' paused time counts
        assertThat(row).contains(">1 h<", ">8 h 36 min<", ">3 h 30 min<", ">11 h<", ">6 h<", "3 tickets");
        assertThat(page.body()).contains("/reports/compliance.csv?by=MONTH&amp;from=2026-11&amp;to=2026-11&amp;organisationId="
                + desk.org.value());
    }

    @Test
    void embedsTheChartDataAsJsonNoNameCanBreakOutOf() throws Exception {
        Browser lead = new Browser().signIn(user(Role.LEAD, null));

        String page = lead.get("/reports?by=ORGANISATION&from=2026-11&to=2026-11&organisationId=" + desk.org.value()).body();

        String data = page.substring(page.indexOf("<script type=\"application/json\" id=\"compliance-chart-data\">"));
        data = data.substring(data.indexOf('>') + 1, data.indexOf("</script>"));
        assertThat(data).startsWith("{\"type\":\"bar\",\"unit\":\"%\"").contains("\\u003c/script\\u003e\\u003cb\\u003eReported")
                .contains("\"data\":[80.0]");
        assertThat(page).contains("=1+2 &lt;/script&gt;&lt;b&gt;Reported").doesNotContain("<b>Reported");
    }

    @Test
    void downloadsEveryTableAsCsvWithFormulasDefused() throws Exception {
        Browser lead = new Browser().signIn(user(Role.LEAD, null));
        String org = "&organisationId=" + desk.org.value();

        HttpResponse<String> csv = lead.get("/reports/compliance.csv?by=ORGANISATION&from=2026-11&to=2026-11" + org);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"compliance-organisation-2026-11-2026-11.csv\"");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("key,label,tickets,");
        assertThat(lines[1]).startsWith(desk.org.value() + ",'=1+2 </script><b>Reported").contains(",5,4,1,0,0.8,");

        assertThat(lead.get("/reports/quota-use.csv?from=2026-11&to=2026-11" + org).body())
                .contains(",'=1+2 </script><b>Reported").contains(",2026-11,,5,0");
        assertThat(lead.get("/reports/flow.csv?from=2026-11-26&to=2026-11-27" + org).body())
                .isEqualTo("period,first_day,last_day,opened,resolved,reopened,waiting_on_customer,backlog\r\n"
                        + "2026-11-26,2026-11-26,2026-11-26,5,4,1,0,2\r\n2026-11-27,2026-11-27,2026-11-27,1,2,0,1,1\r\n");
        assertThat(lead.get("/reports/breaches.csv?from=2026-11&to=2026-11" + org).body().split("\r\n")).hasSize(2);
        assertThat(lead.get("/reports/quotes.csv?from=2026-10&to=2026-11" + org).headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"quotes-2026-10-2026-11.csv\"");
    }

    @Test
    void showsTheOtherReportPages() throws Exception {
        Browser lead = new Browser().signIn(user(Role.LEAD, null));
        String org = "organisationId=" + desk.org.value();

        assertThat(lead.get("/reports/quotas?from=2026-11&to=2026-11&" + org).body()).contains("<td class=\"num\">5</td>");
        assertThat(lead.get("/reports/quotes?" + org).statusCode()).isEqualTo(200);
        assertThat(lead.get("/reports/flow?from=2026-11-26&to=2026-11-27&" + org).body()).contains("id=\"flow-chart-data\"");
        String breaches = lead.get("/reports/breaches?from=2026-11&to=2026-11&" + org).body();
        assertThat(breaches).contains("1 breach", "needs the database team", "2026-11-27 10:00 (Europe/Lisbon)");
        assertThat(lead.get("/reports?from=2026-12&to=2026-11").statusCode()).isEqualTo(400);
        assertThat(lead.get("/reports?by=WEATHER").statusCode()).isEqualTo(400);
    }

    @Test
    void letsStaffOpenAnyOrganisationsMonthlyReport() throws Exception {
        Browser lead = new Browser().signIn(user(Role.LEAD, null));

        HttpResponse<String> page = lead.get("/reports/organisations/" + desk.org.value() + "/2026-11");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("needs the database team"); // staff see what happened before a breach
        assertThat(page.body()).contains("Escalated to Second line");
        assertThat(lead.get("/reports/organisations/999999999/2026-11").statusCode()).isEqualTo(404);
    }

    @Test
    void showsACustomerTheirOwnMonthlyReportOnly() throws Exception {
        Browser customer = new Browser().signIn(user(Role.CUSTOMER, desk.org));
        ReportFixture other = new ReportFixture(jdbc, tickets, "Other");

        HttpResponse<String> months = customer.get("/portal/reports");
        assertThat(months.statusCode()).isEqualTo(200);
        assertThat(months.body()).contains("href=\"/portal/reports/2026-11\"", "href=\"/portal/reports/2025-12\"");

        HttpResponse<String> page = customer.get("/portal/reports/2026-11");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Reported", "12 business hours", "24 business hours", "non-binding targets",
                "<dd id=\"kept-tickets\">5</dd>", "data-print").doesNotContain(other.org.value() + "/", "Other ");
        assertThat(page.body()).doesNotContain("needs the database team"); // internal escalation notes stay with staff
        // F waits on the customer now; B waited and was resolved
        assertThat(page.body()).contains("<dd id=\"still-open\">1</dd>", "<dd id=\"waited\">2</dd>");
        assertThat(customer.get("/portal/reports/2026-11.pdf").headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(customer.get("/portal/reports/2026-11.csv").headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"monthly-" + desk.org.value() + "-2026-11.csv\"");

        assertThat(customer.get("/portal/reports/2026-11", "es").body()).contains("Lo prometido", "12 horas hábiles",
                "objetivos no vinculantes", "Noviembre 2026");
        assertThat(customer.get("/portal/reports/2026-11", "pt-PT").body()).contains("O prometido", "12 horas úteis", "Novembro 2026",
                "Ainda abertos", "Esperaram pela sua resposta");

        assertThat(customer.get("/portal/reports/2027-01").statusCode()).isEqualTo(404);
        assertThat(customer.get("/portal/reports/november").statusCode()).isEqualTo(400);
        assertThat(customer.get("/reports/organisations/" + other.org.value() + "/2026-11").statusCode()).isEqualTo(403);
        assertThat(customer.get("/reports").statusCode()).isEqualTo(403);
    }
}
