package org.atende.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.atende.customers.OrganisationId;
import org.atende.sla.internal.ClockStore;
import org.atende.sla.internal.StoredClock;
import org.atende.tickets.Channel;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketId;
import org.atende.tickets.TicketOpened;
import org.atende.tickets.TicketType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clocks a transaction inserts are answered from what it inserted for the rest of it (no read back), and that
 * is exactly what a read of the committed rows gives afterwards.
 */
class ClockStoreIntegrationTests extends SlaIntegrationSupport {

    @Autowired
    ClockStore store;

    @ParameterizedTest(name = "{0} ticket received {1}")
    @CsvSource({"URGENT, 2026-11-26T10:00:00Z", "LOW, 2026-11-26T10:00:00Z", "HIGH, 2026-11-20T09:30:00Z", "MEDIUM, 2026-11-26T20:59:59Z"})
    void theClocksAnOpeningInsertsAreAnsweredAsTheCommittedRowsReadAfterwards(Priority priority, String receivedAt) {
        OrganisationId organisation = desk.customer();
        Instant received = Instant.parse(receivedAt);
        record Opened(TicketId ticket, List<StoredClock> clocks) {
        }
        Opened opened = new TransactionTemplate(transactions).execute(tx -> {
            long number = jdbc.sql("SELECT nextval('ticket_number_seq')").query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO ticket (number, organisation_id, channel, subject, type, priority, status, received_at, updated_at)
                    VALUES (?, ?, 'EMAIL', 'It does not work', 'INCIDENT', ?, 'NEW', ?, ?)""")
                    .params(number, organisation.value(), priority.name(), java.sql.Timestamp.from(received),
                            java.sql.Timestamp.from(received)).update();
            TicketId id = new TicketId(jdbc.sql("SELECT id FROM ticket WHERE number = ?").param(number).query(Long.class).single());
            events.publishEvent(new TicketOpened(id, number, organisation, priority, TicketType.INCIDENT, Channel.EMAIL, received));
            return new Opened(id, store.load(List.of(id)).get(id));
        });

        Map<TicketId, List<StoredClock>> committed = store.load(List.of(opened.ticket()));
        assertThat(opened.clocks()).hasSize(2);
        assertThat(opened.clocks()).isEqualTo(committed.get(opened.ticket()));
    }
}
