package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.notifications.DailyDigest;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The leads' daily digest from 08:00 Lisbon (UTC+0 in November): what breached in the last day, what is at
 * risk, which organisations reached their allowance; one e-mail per lead with something to read, once a day.
 */
class DailyDigestIntegrationTests extends SlaIntegrationSupport {

    @Autowired Tickets tickets;
    @Autowired SlaSweep sweep;
    @Autowired DailyDigest digest;

    AlertFixtures staff;
    Actor lena;
    Actor paulo;
    Actor idle;
    OrganisationId padaria;
    OrganisationId oficina;

    @BeforeEach
    void twoLeadsAndTheirOrganisations() {
        staff = new AlertFixtures(jdbc, tickets, clock);
        lena = staff.staff(Role.LEAD, "Lena Lead", null, null);
        paulo = staff.staff(Role.LEAD, "Paulo Lead", null, "PT");
        idle = staff.staff(Role.LEAD, "Ivo Idle", null, null);
        padaria = desk.customer();
        long policy = desk.defaultPolicy();
        long onePerMonth = staff.fixtures.plan(policy, "MEDIUM", 1, "ACCEPT_AND_FLAG");
        oficina = staff.fixtures.organisation("Oficina", onePerMonth);
        staff.fixtures.accountLead(padaria, lena);
        staff.fixtures.accountLead(oficina, paulo);
    }

    @Test
    void eachLeadGetsTheirBreachesRisksAndQuotasOnceADay() {
        TicketView breached = staff.open(padaria, Priority.URGENT, "2026-11-26T10:00:00Z", null, null); // due 14:00
        clock.set("2026-11-26T14:00:01Z");
        assertThat(sweep.runOnce().breached()).isEqualTo(1);
        TicketView warned = staff.open(padaria, Priority.MEDIUM, "2026-11-26T18:00:00Z", null, null); // due Fri 18:00
        TicketView soon = staff.open(oficina, Priority.URGENT, "2026-11-27T07:00:00Z", null, null);  // due Fri 13:00, takes the allowance
        TicketView later = staff.open(oficina, Priority.LOW, "2026-11-27T07:30:00Z", null, null);   // due Tue, over quota
        jdbc.sql("DELETE FROM outgoing_message").update(); // the SLA alerts; the digest is what is read below

        assertThat(digest.runIfDue(Instant.parse("2026-11-27T07:59:59Z"))).as("before 08:00 Lisbon").isZero();
        assertThat(digest.runIfDue(Instant.parse("2026-11-27T08:00:00Z"))).isEqualTo(2);
        assertThat(digest.runIfDue(Instant.parse("2026-11-27T08:05:00Z"))).as("once a day").isZero();
        assertThat(digest.runIfDue(Instant.parse("2026-11-27T19:00:00Z"))).isZero();

        assertThat(staff.mailsTo(idle)).as("nothing for them: no empty digest").isEmpty();
        assertThat(staff.mailsTo(lena)).singleElement().satisfies(m -> {
            assertThat(m.purpose()).isEqualTo("DIGEST");
            assertThat(m.subject()).isEqualTo("Daily digest for 2026-11-27");
            assertThat(m.body()).contains("Breached in the last day (1):\n  #" + breached.number() + " Invoices do not export",
                    "first response, due Thursday 26 November at 14:00 (Lisbon time)",
                    "At risk (warned, or due within the next business day) (1):\n  #" + warned.number(),
                    "due Friday 27 November at 18:00 (Lisbon time)", "http://localhost:8080/desk/tickets/" + warned.number());
            assertThat(m.body()).doesNotContain("#" + soon.number(), "quota");
        });
        assertThat(staff.mailsTo(paulo)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Resumo diário de 2026-11-27");
            assertThat(m.body()).contains("Em risco (aviso ou terminam no próximo dia útil) (1):\n  #" + soon.number(),
                    "primeira resposta, termina sexta-feira, 27 de novembro, às 13:00 (hora de Lisboa)",
                    "Organizações que atingiram a quota mensal (1):\n  Oficina", "2026-11, 1 pedidos");
            assertThat(m.body()).doesNotContain("#" + later.number(), "Falhados");
        });

        // the next day: Thursday's breach is older than a day, the quota was reached the day before; the sweep
        // has marked Friday's breaches
        clock.set("2026-11-28T08:00:00Z");
        sweep.runOnce();
        jdbc.sql("DELETE FROM outgoing_message").update();
        assertThat(digest.runIfDue(Instant.parse("2026-11-28T08:00:00Z"))).isEqualTo(2);
        assertThat(staff.mailsTo(paulo).getFirst().body()).startsWith("Falhados no último dia (1):\n  #" + soon.number())
                .doesNotContain("Organizações");
        assertThat(staff.mailsTo(lena).getFirst().body()).startsWith("Breached in the last day (1):\n  #" + warned.number())
                .contains("At risk (warned, or due within the next business day) (1):\n  #" + breached.number(),
                        "resolution, due Monday 30 November at 10:00 (Lisbon time)"); // its resolution clock warned meanwhile
    }
}
