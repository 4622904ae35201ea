package org.atende.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.atende.customers.Language;
import org.atende.support.MovingTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The mailbox's meters follow real polls against GreenMail: how long a mail waited, how far behind the desk is. */
class MailboxMetersIntegrationTests extends EmailTestSupport {

    @Autowired MeterRegistry registry;

    String label() {
        return properties.mailboxes().getFirst().label();
    }

    @Test
    void timesEachMailFromItsArrivalInTheMailboxToItsTicket() throws Exception {
        var contact = customer(domain(), "Rui Lopes", Language.PT);
        Timer delay = registry.find("atende.mailbox.intake.delay").tag("mailbox", label()).timer();
        long before = delay == null ? 0 : delay.count();
        double waitedBefore = delay == null ? 0 : delay.totalTime(TimeUnit.SECONDS);
        deliver(plain(contact.email(), "Não imprime", "lag-1@client.example", "", "A impressora não responde."));
        MovingTime.CLOCK.set(Instant.now().plus(Duration.ofMinutes(2))); // read two minutes after it arrived

        poll();

        Timer after = registry.get("atende.mailbox.intake.delay").tag("mailbox", label()).timer();
        assertThat(after.count()).isEqualTo(before + 1);
        assertThat(after.totalTime(TimeUnit.SECONDS) - waitedBefore).isCloseTo(120, within(10.0));
    }

    @Test
    void saysHowLongSinceTheMailboxWasLastReadWithoutError() throws Exception {
        MovingTime.CLOCK.set("2026-11-25T12:00:00Z");
        poll();
        assertThat(registry.get("atende.mailbox.lag").tag("mailbox", label()).gauge().value()).isZero();

        MovingTime.CLOCK.set("2026-11-25T12:01:30Z");
        assertThat(registry.get("atende.mailbox.lag").tag("mailbox", label()).gauge().value()).isEqualTo(90);

        mail.stop();
        try {
            MovingTime.CLOCK.set("2026-11-25T12:05:00Z");
            try {
                poll();
            } catch (jakarta.mail.MessagingException expected) {
                // the mailbox is down: the lag keeps growing from the last good read
            }
            assertThat(registry.get("atende.mailbox.lag").tag("mailbox", label()).gauge().value()).isEqualTo(300);
        } finally {
            startServers();
        }
    }
}
